package org.regulens.simulate;

/** A simulated ChIP-seq peak with MACS2-like columns (0-based half-open; summit absolute). */
public record SimulatedPeak(String task, String chrom, int start, int end, int summit, String name, double signal,
                            double pValue, double qValue, int motifInstances) {

    /** The narrowPeak score column (0-1000), scaled from the signal as ENCODE files do. */
    public int score() {
        return (int) Math.min(1000, Math.round(signal * 20));
    }
}
