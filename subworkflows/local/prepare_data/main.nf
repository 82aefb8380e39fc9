// The training set of each model group, from whichever input the run was given: simulated peaks (test profile),
// a samplesheet of peak files with a genome, a sequence table, or an already encoded data set.

include { SIMULATE } from '../../../modules/local/simulate'
include { ENCODE   } from '../../../modules/local/encode'

workflow PREPARE_DATA {
    take:
    rows    // samplesheet rows (RegulensInputs.Row), empty unless --input (or its deprecated name --samplesheet)

    main:
    versions = Channel.empty()
    planted = Channel.empty()
    if (params.data) {
        data = Channel.of([[id: 'all'], file(params.data)])
    } else {
        if (params.simulate) {
            SIMULATE([id: 'simulated'])
            versions = versions.mix(SIMULATE.out.versions)
            planted = SIMULATE.out.planted
            encodeInput = SIMULATE.out.peaks
                .map { meta, files ->
                    def peaks = (files instanceof List ? files : [files]).sort { it.name }
                    [[id: 'all', tasks: peaks.collect { it.name - ~/\.narrowPeak\.gz$/ }], peaks]
                }
                .combine(SIMULATE.out.genome.map { meta, genome, index -> genome })
                .map { meta, peaks, genome -> [meta, peaks, genome, []] }
        } else if (params.input || params.samplesheet) {
            encodeInput = Channel.fromList(rows.groupBy { it.group }.collect { group, members ->
                [[id: group, tasks: members*.task], members.collect { file(it.peaks.path) }, file(params.genome), []]
            })
        } else {
            encodeInput = Channel.of([[id: 'all', tasks: []], [], [], file(params.sequences)])
        }
        ENCODE(encodeInput)
        versions = versions.mix(ENCODE.out.versions)
        data = ENCODE.out.data
    }

    emit:
    data        // [meta, data.npz]
    planted     // [meta, planted.bed] (simulated input only)
    versions
}
