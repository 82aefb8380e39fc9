// Which positions of each test pair's miRNA and target site drive the model's score, with duplex classes.
process MIRNA_EXPLAIN {
    tag "$meta.id"
    label 'process_medium'
    label 'process_gpu'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    tuple val(meta), path(models, stageAs: 'models/?/*'), path(pairs, stageAs: 'pairs/*')

    output:
    tuple val(meta), path('explain/**')              , emit: files      // the output folder's files, alignments/ included
    tuple val(meta), path('explain/explain.tsv')     , emit: table
    tuple val(meta), path('explain/classes.tsv')     , emit: classes
    path 'versions.yml'                              , emit: versions

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
    regulens mirna explain $modelArgs --pairs $pairs --out explain $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    """
    mkdir -p explain/alignments
    touch explain/explain.tsv explain/mirna_importance.tsv explain/target_importance.tsv explain/alignments.txt \\
        explain/attributions.npz explain/alignments/pair_1.svg
    printf 'class\\tpairs\\tmean_score\\tmean_seed_share\\tmean_three_prime_share\\n' > explain/classes.tsv

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
