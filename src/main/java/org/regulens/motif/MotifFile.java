package org.regulens.motif;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The contents of a motif file.
 *
 * @param motifs     in file order, ids unique
 * @param background the base frequencies the file declares (MEME's "Background letter frequencies"), or uniform
 *                   when it declares none (JASPAR and TRANSFAC never do)
 * @param format     the format it was read as
 */
public record MotifFile(List<Motif> motifs, double[] background, MotifFormat format) {

    public MotifFile {
        motifs = List.copyOf(motifs);
        background = Background.require(background).clone();
    }

    @Override
    public double[] background() {
        return background.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MotifFile that && motifs.equals(that.motifs)
                && Arrays.equals(background, that.background) && format == that.format;
    }

    @Override
    public int hashCode() {
        return Objects.hash(motifs, Arrays.hashCode(background), format);
    }

    @Override
    public String toString() {
        return "MotifFile[" + format + ", " + motifs.size() + " motifs, background " + Arrays.toString(background) + "]";
    }
}
