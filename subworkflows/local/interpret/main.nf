// Opens a trained model: attribution per task and method (scattered over shards of the rows, then gathered),
// motif discovery on each, matching against the motif database, and a scan of the data set with the motifs found.

include { ATTRIBUTE       } from '../../../modules/local/attribute'
include { ATTRIBUTE_MERGE } from '../../../modules/local/attribute_merge'
include { MOTIFS          } from '../../../modules/local/motifs'
include { COMPARE         } from '../../../modules/local/compare'
include { SCAN            } from '../../../modules/local/scan'

workflow INTERPRET {
    take:
    modelData   // [meta, model.zip, data.npz]
    metrics     // [meta, metrics.tsv, roc, pr]: its task column names the tasks to explain

    main:
    def methods = params.methods.tokenize(',')*.trim()
    def shards = params.shards as int
    tasks = metrics.flatMap { meta, table, roc, pr ->
        table.splitCsv(header: true, sep: '\t').collect { row -> [meta.id, row.task] }
    }
    jobs = modelData
        .map { meta, model, data -> [meta.id, meta, model, data] }
        .combine(tasks, by: 0)
        .flatMap { id, meta, model, data, task ->
            methods.collectMany { method ->
                (1..shards).collect { shard ->
                    [meta + [task: task, method: method, shard: shard, shards: shards], model, data]
                }
            }
        }
    ATTRIBUTE(jobs)

    // gather the shards of each (group, task, method), in shard order so that -resume sees the same input
    ATTRIBUTE_MERGE(ATTRIBUTE.out.attributions
        .map { meta, file -> [meta.findAll { k, v -> !(k in ['shard', 'shards']) }, meta.shard, file] }
        .groupTuple(size: shards)
        .map { meta, order, files -> [meta, [order, files].transpose().sort { it[0] }.collect { it[1] }] })

    dataById = modelData.map { meta, model, data -> [meta.id, data] }
    MOTIFS(ATTRIBUTE_MERGE.out.attributions
        .map { meta, attr -> [meta.id, meta, attr] }
        .combine(dataById, by: 0)
        .map { id, meta, attr, data -> [meta, attr, data] })
    COMPARE(MOTIFS.out.patterns.map { meta, patterns -> [meta, patterns, params.motif_db] })
    SCAN(MOTIFS.out.patterns
        .map { meta, patterns -> [meta.id, meta, patterns] }
        .combine(dataById, by: 0)
        .map { id, meta, patterns, data -> [meta, patterns, data] })

    // per group: [id, labels, motif folders, matches, attributions], sorted by label
    // the folder holding a MOTIFS task's files (its output is declared file by file so that each is published)
    folders = MOTIFS.out.files.map { meta, files -> [meta, (files instanceof List ? files[0] : files).parent] }
    discoveries = folders
        .join(COMPARE.out.matches)
        .join(ATTRIBUTE_MERGE.out.attributions)
        .map { meta, folder, matches, attr -> [meta.id, "${meta.task}/${meta.method}", folder, matches, attr] }
        .groupTuple(by: 0)
        .map { id, labels, folders, matches, attrs ->
            def sorted = [labels, folders, matches, attrs].transpose().sort { it[0] }
            [id, sorted.collect { it[0] }, sorted.collect { it[1] }, sorted.collect { it[2] }, sorted.collect { it[3] }]
        }

    versions = ATTRIBUTE.out.versions.first()
        .mix(ATTRIBUTE_MERGE.out.versions.first(), MOTIFS.out.versions.first(), COMPARE.out.versions.first(),
             SCAN.out.versions.first())

    emit:
    discoveries
    versions
}
