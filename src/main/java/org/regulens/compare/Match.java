package org.regulens.compare;

/**
 * The best alignment of a query with one target.
 *
 * @param target        index of the target in the database
 * @param offset        Tomtom's Optimal_offset: where the query's first column sits on the (oriented) target;
 *                      query column i faces target column i + offset, so a positive value shifts the query right
 * @param reverse       whether the target was reverse-complemented
 * @param overlap       number of aligned columns
 * @param offsetPValue  the p-value of the best offset alone
 * @param pValue        the offset p-value corrected for the offsets and strands tried
 * @param completeScore the summed column scores, unaligned query columns at their median score
 */
public record Match(int query, int target, int offset, boolean reverse, int overlap, double offsetPValue,
                    double pValue, double completeScore) {

    /** "+" for the target as given, "-" for its reverse complement (Tomtom's Orientation). */
    public String orientation() {
        return reverse ? "-" : "+";
    }
}
