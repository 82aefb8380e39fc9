// Tomtom-like matching of discovered motifs against a motif database (default: bundled JASPAR 2024).
// A patterns.meme without motifs (motifs found no pattern) gives a header-only matches.tsv, exit 0: the run goes on.
process COMPARE {
    tag "${meta.id}/${meta.task}/${meta.method}"
    label 'process_low'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    tuple val(meta), path(query), val(database)

    output:
    tuple val(meta), path('matches.tsv'), emit: matches
    path 'versions.yml'                 , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    """
    # ND4J's OpenMP threads and the JVM heap follow the task's allocation (oversubscribed cores busy-wait)
    export OMP_NUM_THREADS=${task.cpus}
    export REGULENS_MEMORY_MB=${task.memory ? task.memory.toMega() : 4096}
    regulens compare --query $query --target '$database' --out matches.tsv --threads ${task.cpus} $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    // the table a run writes when nothing matched (or motifs found no pattern): Tomtom's header line only
    """
    printf 'Query_ID\\tTarget_ID\\tOptimal_offset\\tp-value\\tE-value\\tq-value\\tOverlap\\tQuery_consensus\\tTarget_consensus\\tOrientation\\tTarget_name\\n' > matches.tsv

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
