// Every single-base mutation of each test pair scored, and correlated with measured effects.
process MIRNA_MUTAGENESIS {
    tag "$meta.id"
    label 'process_medium'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    tuple val(meta), path(models, stageAs: 'models/?/*'), path(pairs, stageAs: 'pairs/*'), path(measured, stageAs: 'measured/*')

    output:
    tuple val(meta), path('mutagenesis/mutations.tsv'), path('mutagenesis/correlation.tsv'), emit: mutations
    path 'versions.yml'                                                                  , emit: versions

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
    regulens mirna mutagenesis $modelArgs --pairs $pairs --measured $measured --out mutagenesis $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    """
    mkdir mutagenesis
    touch mutagenesis/mutations.tsv mutagenesis/correlation.tsv

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
