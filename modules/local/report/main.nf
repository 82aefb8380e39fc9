// One self-contained HTML report of a run, with MultiQC side tables.
process REPORT {
    tag "$meta.id"
    label 'process_single'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    tuple val(meta), path(data), path(training_log), path(metrics), path(filters), path(motif_dirs, stageAs: 'motifs??/*'), path(matches, stageAs: 'matches??/*'), path(attributions, stageAs: 'attributions??/*'), val(labels), path(params_json), val(database), path(attention_maps), path(gia_table, stageAs: 'gia/*'), path(variant_effects, stageAs: 'variants/*')

    output:
    tuple val(meta), path('report.html'), emit: html
    path '*_mqc.tsv'                    , emit: multiqc
    path 'versions.yml'                 , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    def asList = { it instanceof List ? it : [it] }
    def dirs = asList(motif_dirs)
    def matchFiles = asList(matches)
    def attrs = asList(attributions)
    // each discovery folder gets its compare matches beside it (a copy: staged inputs belong to other tasks)
    def assemble = [labels, dirs, matchFiles].transpose().withIndex().collect { entry, i ->
        "mkdir -p discovered/${i} && cp -L ${entry[1]}/* discovered/${i}/ && cp -L ${entry[2]} discovered/${i}/matches.tsv"
    }.join('\n    ')
    def motifArgs = labels.withIndex().collect { l, i -> "--motifs '${l}=discovered/${i}'" }.join(' ')
    def attrArgs = [labels, attrs].transpose().collect { l, a -> "--attributions '${l}=${a}'" }.join(' ')
    def metricsFile = asList(metrics).find { it.name == 'metrics.tsv' }
    def filtersFile = asList(filters).find { it.name.endsWith('.meme') }
    def logArg = training_log ? "--training-log ${training_log}" : ''
    def attentionArg = attention_maps ? "--attention ${attention_maps}" : ''
    // the tables of the optional gia (--gia) and variants (--vcf) steps; empty lists when they did not run
    def giaArg = gia_table ? "--gia ${gia_table}" : ''
    def variantsArg = variant_effects ? "--variants ${variant_effects}" : ''
    """
    # ND4J's OpenMP threads and the JVM heap follow the task's allocation (oversubscribed cores busy-wait)
    export OMP_NUM_THREADS=${task.cpus}
    export REGULENS_MEMORY_MB=${task.memory ? task.memory.toMega() : 4096}
    ${assemble}
    regulens report --out report.html --mqc-dir . --data $data $logArg --metrics $metricsFile \\
        --filters $filtersFile $motifArgs $attrArgs --params $params_json --motif-db '$database' \\
        --title 'regulens: ${meta.id}' $attentionArg $giaArg $variantsArg $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    """
    echo '<html><body>stub</body></html>' > report.html
    touch regulens_metrics_mqc.tsv

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
