// Peaks + genome (or a sequence table) to a training set: summit windows, GC-matched negatives, splits.
process ENCODE {
    tag "$meta.id"
    label 'process_medium'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    tuple val(meta), path(peaks, stageAs: 'peaks??/*'), path(genome), path(sequences)

    output:
    tuple val(meta), path('data.npz'), emit: data
    path 'versions.yml'              , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    def peakList = peaks instanceof List ? peaks : [peaks]
    def rows = [meta.tasks, peakList].transpose().collect { t, p -> "${t},${p}" }.join('\\n')
    def input = sequences ? "--sequences ${sequences}" : "--genome ${genome} --samplesheet samplesheet.csv"
    """
    # ND4J's OpenMP threads and the JVM heap follow the task's allocation (oversubscribed cores busy-wait)
    export OMP_NUM_THREADS=${task.cpus}
    export REGULENS_MEMORY_MB=${task.memory ? task.memory.toMega() : 4096}
    printf 'task,peaks\\n${rows}\\n' > samplesheet.csv
    regulens encode $input --out data.npz $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    """
    touch data.npz

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
