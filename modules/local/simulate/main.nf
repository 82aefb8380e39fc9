// Simulated genome with planted motifs and ChIP-seq-like peaks (test profile and demonstrations).
process SIMULATE {
    tag "simulated"
    label 'process_single'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    val(meta)

    output:
    tuple val(meta), path('sim/genome.fa'), path('sim/genome.fa.fai'), emit: genome
    tuple val(meta), path('sim/*.narrowPeak.gz')                    , emit: peaks
    tuple val(meta), path('sim/planted.bed')                        , emit: planted
    path 'versions.yml'                                             , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    """
    # ND4J's OpenMP threads and the JVM heap follow the task's allocation (oversubscribed cores busy-wait)
    export OMP_NUM_THREADS=${task.cpus}
    export REGULENS_MEMORY_MB=${task.memory ? task.memory.toMega() : 4096}
    regulens simulate --mode genome --out sim $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    """
    mkdir sim
    touch sim/genome.fa sim/genome.fa.fai sim/planted.bed
    echo stub | gzip > sim/stub.narrowPeak.gz

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
