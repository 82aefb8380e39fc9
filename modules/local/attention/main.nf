// Self-attention maps of a cnn-attention model (heads x positions x positions per row).
process ATTENTION {
    tag "$meta.id"
    label 'process_medium'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    tuple val(meta), path(model), path(data)

    output:
    tuple val(meta), path('maps.npz'), emit: maps
    path 'versions.yml'              , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    """
    # ND4J's OpenMP threads and the JVM heap follow the task's allocation (oversubscribed cores busy-wait)
    export OMP_NUM_THREADS=${task.cpus}
    export REGULENS_MEMORY_MB=${task.memory ? task.memory.toMega() : 4096}
    regulens attention --model $model --data $data --out maps.npz $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    """
    touch maps.npz

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
