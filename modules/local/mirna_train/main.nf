// Trains a miRNA:target-site binding model on labelled pairs.
process MIRNA_TRAIN {
    tag "$meta.id"
    label 'process_high'
    label 'process_gpu'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    tuple val(meta), path(pairs)

    output:
    // model.zip, or model_seedN.zip for each model of an ensemble (--mirna_ensemble)
    tuple val(meta), path('model*.zip')         , emit: model
    tuple val(meta), path('model*.training.tsv'), emit: log
    path 'versions.yml'                        , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    def name = meta.models > 1 ? "model_seed${meta.seed}" : 'model'
    """
    # ND4J's OpenMP threads and the JVM heap follow the task's allocation (oversubscribed cores busy-wait)
    export OMP_NUM_THREADS=${task.cpus}
    export REGULENS_MEMORY_MB=${task.memory ? task.memory.toMega() : 4096}
    regulens mirna train --pairs $pairs --out ${name}.zip $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    def name = meta.models > 1 ? "model_seed${meta.seed}" : 'model'
    """
    touch ${name}.zip
    printf 'epoch\\tlearning_rate\\ttrain_loss\\tvalid_loss\\tvalid_auroc\\tvalid_auprc\\tseconds\\tsequences_per_second\\tbest\\n' > ${name}.training.tsv

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
