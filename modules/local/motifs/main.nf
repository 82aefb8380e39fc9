// TF-MoDISco-like motif discovery from one task's contribution scores.
process MOTIFS {
    tag "${meta.id}/${meta.task}/${meta.method}"
    label 'process_medium'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    tuple val(meta), path(attributions), path(data)

    output:
    tuple val(meta), path('motifs/*')              , emit: files      // the output folder's files
    tuple val(meta), path('motifs/patterns.meme')  , emit: patterns
    path 'versions.yml'                            , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    """
    # ND4J's OpenMP threads and the JVM heap follow the task's allocation (oversubscribed cores busy-wait)
    export OMP_NUM_THREADS=${task.cpus}
    export REGULENS_MEMORY_MB=${task.memory ? task.memory.toMega() : 4096}
    regulens motifs --attributions $attributions --data $data --out motifs --threads ${task.cpus} $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    """
    mkdir motifs
    touch motifs/patterns.meme motifs/patterns_cwm.meme motifs/patterns.npz motifs/patterns.tsv motifs/seqlets.tsv motifs/seqlets.bed

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
