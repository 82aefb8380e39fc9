// FIMO-like scan of the data set's sequences with the discovered motifs.
// A patterns.meme without motifs (motifs found no pattern) gives a header-only hits.tsv, exit 0: the run goes on.
process SCAN {
    tag "${meta.id}/${meta.task}/${meta.method}"
    label 'process_low'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    tuple val(meta), path(motifs), path(data)

    output:
    tuple val(meta), path('hits.tsv'), path('hits.bed'), emit: hits
    path 'versions.yml'                              , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    """
    # ND4J's OpenMP threads and the JVM heap follow the task's allocation (oversubscribed cores busy-wait)
    export OMP_NUM_THREADS=${task.cpus}
    export REGULENS_MEMORY_MB=${task.memory ? task.memory.toMega() : 4096}
    regulens scan --motifs $motifs --data $data --out hits.tsv --bed-out hits.bed $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    // the tables a run writes without hits (or without motifs): FIMO's header line only, an empty BED
    """
    printf 'motif_id\\tmotif_alt_id\\tsequence_name\\tstart\\tstop\\tstrand\\tscore\\tp-value\\tq-value\\tmatched_sequence\\n' > hits.tsv
    touch hits.bed

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
