#!/usr/bin/env nextflow
/*
 * regulens: which motifs drive your peaks. Peaks (or sequences, or an encoded data set, or a trained model) →
 * encode → train → evaluate → attribute (scattered over shards) → motifs → compare (JASPAR) → filters → report.
 * The miRNA entry (--mirna_samplesheet, subworkflows/local/mirna): mirna train → evaluate, explain, mutagenesis
 * (with measured effects), scan and report per samplesheet row.
 * Run: bin/regulens-nextflow run . --input samplesheet.csv --genome genome.fa --outdir results
 *      bin/regulens-nextflow run . -profile test --outdir results   (parameters: nextflow_schema.json, --help)
 *      bin/regulens-nextflow run . -profile test_mirna --outdir results
 */
nextflow.enable.dsl = 2

import groovy.json.JsonOutput

include { PREPARE_DATA } from './subworkflows/local/prepare_data'
include { INTERPRET    } from './subworkflows/local/interpret'
include { TRAIN        } from './modules/local/train'
include { EVALUATE     } from './modules/local/evaluate'
include { FILTERS      } from './modules/local/filters'
include { PREDICT      } from './modules/local/predict'
include { GIA          } from './modules/local/gia'
include { VARIANTS     } from './modules/local/variants'
include { ATTENTION    } from './modules/local/attention'
include { REPORT       } from './modules/local/report'
include { MIRNA        } from './subworkflows/local/mirna'

/** Model, metrics, interpretation and report for each model group. */
workflow REGULENS {
    take:
    rows         // samplesheet rows, empty unless --input (or its deprecated name --samplesheet)
    paramsJson   // params.json, shown in the report

    main:
    PREPARE_DATA(rows)
    data = PREPARE_DATA.out.data
    versions = PREPARE_DATA.out.versions

    if (params.model) {
        model = data.map { meta, npz -> [meta, file(params.model)] }
        trainingLog = data.map { meta, npz -> [meta, []] }
    } else {
        TRAIN(data)
        model = TRAIN.out.model
        trainingLog = TRAIN.out.log
        versions = versions.mix(TRAIN.out.versions)
    }
    modelData = model.join(data)

    EVALUATE(modelData)
    FILTERS(modelData.map { meta, m, d -> [meta, m, d, params.motif_db] })
    INTERPRET(modelData, EVALUATE.out.metrics)
    versions = versions.mix(EVALUATE.out.versions, FILTERS.out.versions, INTERPRET.out.versions)

    if (params.gia) {
        // optional: global importance analysis of --gia (and --gia_second), off by default
        GIA(modelData.map { meta, m, d -> [meta, m, d, params.gia] })
        versions = versions.mix(GIA.out.versions)
        giaTables = GIA.out.table.map { meta, table -> [meta.id, table] }
    } else {
        giaTables = data.map { meta, npz -> [meta.id, []] }
    }

    if (params.predict_fasta) {
        PREDICT(model.map { meta, m -> [meta, m, file(params.predict_fasta)] })
        versions = versions.mix(PREDICT.out.versions)
    }

    if (params.vcf) {
        VARIANTS(model.map { meta, m -> [meta, m, file(params.genome), file(params.vcf)] })
        versions = versions.mix(VARIANTS.out.versions)
        variantTables = VARIANTS.out.effects.map { meta, effects -> [meta.id, effects] }
    } else {
        variantTables = data.map { meta, npz -> [meta.id, []] }
    }

    // --attention: maps of a cnn-attention model, drawn by the report (an empty list when not asked for)
    if (params.attention) {
        ATTENTION(modelData)
        versions = versions.mix(ATTENTION.out.versions)
        attentionMaps = ATTENTION.out.maps.map { meta, maps -> [meta.id, maps] }
    } else {
        attentionMaps = data.map { meta, npz -> [meta.id, []] }
    }

    reportInput = data.map { meta, npz -> [meta.id, meta, npz] }
        .join(trainingLog.map { meta, log -> [meta.id, log] })
        .join(EVALUATE.out.metrics.map { meta, table, roc, pr -> [meta.id, [table, roc, pr]] })
        .join(FILTERS.out.filters.map { meta, meme, table -> [meta.id, [meme, table]] })
        .join(INTERPRET.out.discoveries)
        .join(attentionMaps)
        .join(giaTables)
        .join(variantTables)
        .map { id, meta, npz, log, metrics, filters, labels, folders, matches, attrs, maps, gia, effects ->
            [meta, npz, log, metrics, filters, folders, matches, attrs, labels, paramsJson, params.motif_db, maps, gia, effects]
        }
    REPORT(reportInput)
    versions = versions.mix(REPORT.out.versions)

    emit:
    report   = REPORT.out.html
    versions = versions
}

/**
 * Stops the run at the start on bad input (parameters, input mode, samplesheet, genome chromosomes, the miRNA
 * samplesheet); warns about the deprecated --samplesheet and about peaks on chromosomes the genome lacks (skipped
 * by encode); returns the samplesheet's rows (of --input/--samplesheet or --mirna_samplesheet).
 */
def checkedInputs(String schema) {
    if (params.samplesheet) {
        log.warn "--samplesheet is deprecated and will be removed: use --input (it works the same)"
    }
    def problems = ParamsSchema.validate(params, schema) + RegulensInputs.checkMode(params)
    def rows = []
    def input = RegulensInputs.input(params)
    if (!problems && input) {
        rows = RegulensInputs.samplesheet(input, problems)
        if (!problems) {
            RegulensInputs.checkChromosomes(params.genome as String, rows, problems).each { log.warn it }
        }
    }
    if (!problems && params.mirna_samplesheet) {
        rows = MirnaInputs.samplesheet(params.mirna_samplesheet as String, params.mirna_model as String, problems)
    }
    if (problems) {
        error("regulens: invalid input:\n  " + problems.join('\n  '))
    }
    rows
}

/** params.json for the report; rewritten only when it changes, so that -resume keeps the report cached. */
def paramsFile() {
    def target = file("${params.outdir}/pipeline_info/params.json")
    def json = JsonOutput.prettyPrint(JsonOutput.toJson(params.findAll { k, v -> !k.contains('-') }.sort()))
    if (!target.exists() || target.text != json) {
        target.parent.mkdirs()
        target.text = json
    }
    target
}

workflow {
    if (params.help) {
        log.info ParamsSchema.help("${projectDir}/nextflow_schema.json")
    } else {
        rows = checkedInputs("${projectDir}/nextflow_schema.json")
        if (params.mirna_samplesheet) {
            MIRNA(rows, paramsFile())
            versions = MIRNA.out.versions
        } else {
            REGULENS(rows, paramsFile())
            versions = REGULENS.out.versions
        }
        versions
            .unique()
            .collectFile(name: 'software_versions.yml', storeDir: "${params.outdir}/pipeline_info", sort: true, newLine: false)
    }
}
