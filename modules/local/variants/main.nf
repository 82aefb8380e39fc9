// Predicted effects of the variants of a VCF (--vcf) on each task of a trained model, from ref and alt windows.
process VARIANTS {
    tag "$meta.id"
    label 'process_low'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    tuple val(meta), path(model), path(genome), path(vcf)

    output:
    tuple val(meta), path('effects.tsv')             , emit: effects
    tuple val(meta), path('attributions.npz')        , emit: attributions, optional: true
    path 'versions.yml'                              , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    def explain = params.variants_attribute ? "--attribute ${params.variants_attribute} --attributions attributions.npz" : ''
    """
    # ND4J's OpenMP threads and the JVM heap follow the task's allocation (oversubscribed cores busy-wait)
    export OMP_NUM_THREADS=${task.cpus}
    export REGULENS_MEMORY_MB=${task.memory ? task.memory.toMega() : 4096}
    regulens variants --model $model --genome $genome --vcf $vcf --out effects.tsv $explain $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    """
    touch effects.tsv

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
