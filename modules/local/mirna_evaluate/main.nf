// auROC/auPR and ROC/PR curves of a miRNA model on labelled test pairs.
process MIRNA_EVALUATE {
    tag "$meta.id"
    label 'process_low'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    tuple val(meta), path(models, stageAs: 'models/?/*'), path(pairs, stageAs: 'pairs/*')

    output:
    tuple val(meta), path('metrics.tsv'), path('metrics.roc.tsv'), path('metrics.pr.tsv'), emit: metrics
    path 'versions.yml'                                                                 , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    // one model, or the models of an ensemble: the command uses their average
    def modelArgs = [models].flatten().collect { "--model $it" }.join(' ')
    """
    # ND4J's OpenMP threads and the JVM heap follow the task's allocation (oversubscribed cores busy-wait)
    export OMP_NUM_THREADS=${task.cpus}
    export REGULENS_MEMORY_MB=${task.memory ? task.memory.toMega() : 4096}
    regulens mirna evaluate $modelArgs --pairs $pairs --out metrics.tsv $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    """
    printf 'task\\tauroc\\tauprc\\tn_pos\\tn_neg\\tsplit\\nbinding\\t0.5\\t0.5\\t1\\t1\\tpairs\\n' > metrics.tsv
    touch metrics.roc.tsv metrics.pr.tsv

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
