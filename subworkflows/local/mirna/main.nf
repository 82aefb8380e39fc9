// The miRNA entry (--mirna_samplesheet): per samplesheet row, a binding model (trained on the row's pairs, or
// --mirna_model; with --mirna_ensemble N, N models of consecutive seeds used as their average), its metrics and explanations on the row's labelled test pairs, in-silico mutagenesis against
// measured effects (only where the row gives them), a scan of long targets for the row's miRNAs, and a report of
// the test-pair metrics and explanations.

include { MIRNA_TRAIN       } from '../../../modules/local/mirna_train'
include { MIRNA_EVALUATE    } from '../../../modules/local/mirna_evaluate'
include { MIRNA_EXPLAIN     } from '../../../modules/local/mirna_explain'
include { MIRNA_MUTAGENESIS } from '../../../modules/local/mirna_mutagenesis'
include { MIRNA_SCAN        } from '../../../modules/local/mirna_scan'
include { MIRNA_REPORT      } from '../../../modules/local/mirna_report'

workflow MIRNA {
    take:
    rows        // samplesheet rows (MirnaInputs.Row), checked at start
    paramsJson  // params.json, shown in the report

    main:
    // [id, file] for the rows that give a column
    def column = { String name -> Channel.fromList(rows.findAll { it[name] }.collect { [it.id, file(it[name].path)] }) }

    // --mirna_ensemble models per row, seeds --seed, --seed + 1, ...; later steps get a row's models in seed order
    int ensemble = params.mirna_ensemble as int
    def seeds = (0..<ensemble).collect { (params.seed as long) + it }
    MIRNA_TRAIN(column('pairs').flatMap { id, pairs -> seeds.collect { seed -> [[id: id, seed: seed, models: ensemble], pairs] } })
    trained = MIRNA_TRAIN.out.model
        .map { meta, m -> [meta.id, [meta.seed, m]] }
        .groupTuple(size: ensemble)
        .map { id, seeded -> [[id: id], seeded.sort { it[0] }.collect { it[1] }] }
    given = Channel.fromList(rows.findAll { !it.pairs }.collect { [[id: it.id], [file(params.mirna_model)]] })
    model = trained.mix(given)
    modelById = model.map { meta, m -> [meta.id, meta, m] }

    tests = modelById.join(column('test')).map { id, meta, m, test -> [meta, m, test] }
    MIRNA_EVALUATE(tests)
    MIRNA_EXPLAIN(tests)
    MIRNA_MUTAGENESIS(modelById.join(column('test')).join(column('measured'))
        .map { id, meta, m, test, measured -> [meta, m, test, measured] })
    MIRNA_SCAN(modelById.join(column('mirnas')).join(column('targets'))
        .map { id, meta, m, mirnas, targets -> [meta, m, mirnas, targets] })

    // the report reads the explain folder (its output is declared file by file so that each is published)
    MIRNA_REPORT(MIRNA_EVALUATE.out.metrics
        .map { meta, table, roc, pr -> [meta, [table, roc, pr]] }
        .join(MIRNA_EXPLAIN.out.table.map { meta, table -> [meta, table.parent] })
        .map { meta, metrics, folder -> [meta, metrics, folder, paramsJson] })

    versions = MIRNA_TRAIN.out.versions.first()
        .mix(MIRNA_EVALUATE.out.versions.first(), MIRNA_EXPLAIN.out.versions.first(),
             MIRNA_MUTAGENESIS.out.versions.first(), MIRNA_SCAN.out.versions.first(), MIRNA_REPORT.out.versions.first())

    emit:
    model                               // [meta, [model.zip, ...]] (one per seed of the ensemble)
    trainingLog = MIRNA_TRAIN.out.log   // [meta, model.training.tsv] (trained rows only)
    metrics  = MIRNA_EVALUATE.out.metrics
    explain  = MIRNA_EXPLAIN.out.table  // [meta, explain/explain.tsv]: its folder holds the rest
    sites    = MIRNA_SCAN.out.sites
    report   = MIRNA_REPORT.out.html
    versions
}
