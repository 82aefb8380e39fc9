package org.regulens.io;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes small JSON documents (run metadata stored in npz files and reports) from maps, lists, strings,
 * numbers, booleans and nulls; maps keep their iteration order. Reads them back with the Jackson that ND4J ships.
 */
public final class Json {

    private Json() {
    }

    /**
     * Parses a JSON document into maps (in document order), lists, strings, numbers, booleans and nulls.
     *
     * @throws IllegalArgumentException saying where the text stops being JSON
     */
    public static Object read(String text) {
        try {
            org.nd4j.shade.jackson.databind.ObjectMapper mapper = new org.nd4j.shade.jackson.databind.ObjectMapper();
            mapper.enable(org.nd4j.shade.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            mapper.enable(org.nd4j.shade.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            return mapper.readValue(text, Object.class);
        } catch (org.nd4j.shade.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException(e.getOriginalMessage() + where, e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
        }
    }

    /** Flattens nested objects and arrays into "a.b" / "a[0]" keys with display strings, in document order. */
    public static Map<String, String> flatten(Object value) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        flatten("", value, out);
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (value instanceof java.util.List<?> list
                && list.stream().anyMatch(v -> v instanceof Map || v instanceof java.util.List)) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else if (value instanceof java.util.List<?> list) {
            out.put(prefix, String.join(", ", list.stream().map(Json::display).toList()));
        } else {
            out.put(prefix.isEmpty() ? "(value)" : prefix, value instanceof Map ? "{}" : display(value));
        }
    }

    /** Numbers as written (BigDecimal keeps 0.10 as 0.10), everything else as its string. */
    private static String display(Object value) {
        return value instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            appendString(out, s);
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            out.append("null");
        } else if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            out.append("null");
        } else if (value instanceof Double || value instanceof Float) {
            // Java's shortest round-trip form (e.g. 0.1, 1.0E-5) is valid JSON.
            out.append(Double.toString(((Number) value).doubleValue()));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                appendString(out, String.valueOf(entry.getKey()));
                out.append(':');
                append(out, entry.getValue());
                if (entries.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (value instanceof Iterable<?> list) {
            out.append('[');
            Iterator<?> items = list.iterator();
            while (items.hasNext()) {
                append(out, items.next());
                if (items.hasNext()) {
                    out.append(',');
                }
            }
            out.append(']');
        } else if (value instanceof double[] array) {
            append(out, java.util.Arrays.stream(array).boxed().toList());
        } else if (value instanceof long[] array) {
            append(out, java.util.Arrays.stream(array).boxed().toList());
        } else if (value instanceof int[] array) {
            append(out, java.util.Arrays.stream(array).boxed().toList());
        } else {
            appendString(out, value.toString());
        }
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
