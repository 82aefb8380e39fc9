// Binding sites of miRNAs along long targets (3'UTRs): every window scored, peaks narrowed to their best window.
process MIRNA_SCAN {
    tag "$meta.id"
    label 'process_low'
    // the image named in containers/images.config (the gpu profile swaps in params.container_gpu for process_gpu)
    container "${params.container}"

    input:
    tuple val(meta), path(models, stageAs: 'models/?/*'), path(mirnas, stageAs: 'mirnas/*'), path(targets, stageAs: 'targets/*')

    output:
    tuple val(meta), path('scan/sites.tsv'), path('scan/sites.bed'), emit: sites
    tuple val(meta), path('scan/windows.tsv')                       , emit: windows
    path 'versions.yml'                                             , emit: versions

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
    regulens mirna scan $modelArgs --mirnas $mirnas --targets $targets --out scan $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """

    stub:
    """
    mkdir scan
    printf 'mirna\\ttarget\\tstart\\tend\\tscore\\n' > scan/windows.tsv
    printf 'mirna\\ttarget\\tpeak_start\\tpeak_end\\tsite_start\\tsite_end\\tscore\\twindows\\n' > scan/sites.tsv
    touch scan/sites.bed

    # the version a real run reports: the same command, not a placeholder
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        regulens: \$(regulens --version 2>/dev/null | head -n 1 | sed 's/^regulens //')
    END_VERSIONS
    """
}
