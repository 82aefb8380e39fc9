package org.regulens.encode;

/** The data split of a window, stored as int8 in the {@code split} array. */
public enum Split {
    TRAIN(0), VALID(1), TEST(2);

    public final byte code;

    Split(int code) {
        this.code = (byte) code;
    }

    /** Parses a split column value: train/valid/validation/test (any case) or 0/1/2; null if unrecognised. */
    public static Split parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "train", "training", "0" -> TRAIN;
            case "valid", "validation", "val", "1" -> VALID;
            case "test", "testing", "2" -> TEST;
            default -> null;
        };
    }
}
