// The miRNA entry (--mirna_samplesheet): per samplesheet row, a binding model (trained on the row's pairs, or
// --mirna_model), its metrics and explanations on the row's labelled test pairs, in-silico mutagenesis against
// measured effects (only where the row gives them) and a scan of long targets for the row's miRNAs.

include { MIRNA_TRAIN       } from '../../../modules/local/mirna_train'
include { MIRNA_EVALUATE    } from '../../../modules/local/mirna_evaluate'
include { MIRNA_EXPLAIN     } from '../../../modules/local/mirna_explain'
include { MIRNA_MUTAGENESIS } from '../../../modules/local/mirna_mutagenesis'
include { MIRNA_SCAN        } from '../../../modules/local/mirna_scan'

workflow MIRNA {
    take:
    rows    // samplesheet rows (MirnaInputs.Row), checked at start

    main:
    // [id, file] for the rows that give a column
    def column = { String name -> Channel.fromList(rows.findAll { it[name] }.collect { [it.id, file(it[name].path)] }) }

    MIRNA_TRAIN(column('pairs').map { id, pairs -> [[id: id], pairs] })
    given = Channel.fromList(rows.findAll { !it.pairs }.collect { [[id: it.id], file(params.mirna_model)] })
    model = MIRNA_TRAIN.out.model.mix(given)
    modelById = model.map { meta, m -> [meta.id, meta, m] }

    tests = modelById.join(column('test')).map { id, meta, m, test -> [meta, m, test] }
    MIRNA_EVALUATE(tests)
    MIRNA_EXPLAIN(tests)
    MIRNA_MUTAGENESIS(modelById.join(column('test')).join(column('measured'))
        .map { id, meta, m, test, measured -> [meta, m, test, measured] })
    MIRNA_SCAN(modelById.join(column('mirnas')).join(column('targets'))
        .map { id, meta, m, mirnas, targets -> [meta, m, mirnas, targets] })

    versions = MIRNA_TRAIN.out.versions.first()
        .mix(MIRNA_EVALUATE.out.versions.first(), MIRNA_EXPLAIN.out.versions.first(),
             MIRNA_MUTAGENESIS.out.versions.first(), MIRNA_SCAN.out.versions.first())

    emit:
    model                               // [meta, model.zip]
    trainingLog = MIRNA_TRAIN.out.log   // [meta, model.training.tsv] (trained rows only)
    metrics  = MIRNA_EVALUATE.out.metrics
    explain  = MIRNA_EXPLAIN.out.table  // [meta, explain/explain.tsv]: its folder holds the rest
    sites    = MIRNA_SCAN.out.sites
    versions
}
