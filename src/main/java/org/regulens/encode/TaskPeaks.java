package org.regulens.encode;

import java.nio.file.Path;
import java.util.List;
import org.regulens.genome.IntervalSet;
import org.regulens.genome.Peak;

/** One task's peaks, from one file. */
record TaskPeaks(String name, Path file, List<Peak> peaks, IntervalSet intervals) {

    static TaskPeaks of(String name, Path file, List<Peak> peaks) {
        return new TaskPeaks(name, file, peaks, IntervalSet.ofPeaks(peaks));
    }
}
