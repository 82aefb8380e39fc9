// One self-contained HTML report of a miRNA model: test-pair metrics and curves, interaction classes, position
// importance and example duplexes.
process MIRNA_REPORT {
    tag "$meta.id"
    label 'process_single'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    tuple val(meta), path(metrics), path(explain, stageAs: 'explain'), path(params_json)

    output:
    tuple val(meta), path('report.html'), emit: html
    path 'versions.yml'                 , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    def metricsFile = (metrics instanceof List ? metrics : [metrics]).find { it.name == 'metrics.tsv' }
    """
    # ND4J's OpenMP threads and the JVM heap follow the task's allocation (oversubscribed cores busy-wait)
    export OMP_NUM_THREADS=${task.cpus}
    export REGULENS_MEMORY_MB=${task.memory ? task.memory.toMega() : 4096}
    regulens report --out report.html --mirna-metrics $metricsFile --mirna-explain $explain --params $params_json \\
        --title 'regulens mirna: ${meta.id}' $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    """
    echo '<html><body>stub</body></html>' > report.html

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
