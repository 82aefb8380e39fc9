import java.util.zip.GZIPInputStream

/**
 * Reads and checks the pipeline's inputs at start, so that bad input stops the run before any task: the input
 * mode, the samplesheet (--input, or its deprecated name --samplesheet: missing files, duplicate tasks) and whether
 * the genome has the peaks' chromosomes (the miRNA entry's samplesheet is checked by MirnaInputs).
 * Errors are collected as one line each, naming the file and line.
 * The chromosome rule is regulens encode's: peaks on chromosomes the genome lacks (chrM, EBV, unplaced contigs of a
 * primary assembly) are skipped with a warning that counts them; only a task none of whose peaks lies on a
 * chromosome of the genome (a naming mismatch such as chr1 vs 1) is an error.
 */
class RegulensInputs {

    /** One samplesheet row: the model group, the task and its peak file. */
    static class Row {
        String group
        String task
        File peaks
    }

    /** The peak samplesheet: --input, or its deprecated name --samplesheet (null when neither is given). */
    static String input(Map params) {
        (params.input ?: params.samplesheet) as String
    }

    /** Problems with the choice of input parameters. */
    static List<String> checkMode(Map params) {
        List<String> errors = []
        if (params.input && params.samplesheet) {
            errors << 'give --input or its deprecated name --samplesheet, not both'
        }
        def peaksOption = params.input ? 'input' : 'samplesheet'
        def given = ['simulate', peaksOption, 'sequences', 'data', 'mirna_samplesheet'].findAll { params[it] }
        if (given.size() != 1) {
            errors << "give exactly one input: --simulate (test profile), --input with --genome, --sequences, --data " +
                    "or --mirna_samplesheet" + (given ? " (got --${given.join(', --')})" : '')
        }
        if (input(params) && !params.genome) {
            errors << "--${peaksOption} needs --genome"
        }
        if (params.vcf && !params.genome) {
            errors << '--vcf needs --genome (the reference the variants were called against)'
        }
        if (params.model && !params.data) {
            errors << '--model needs --data (the data set to interpret)'
        }
        if (params.mirna_model && !params.mirna_samplesheet) {
            errors << '--mirna_model needs --mirna_samplesheet (the pairs to evaluate, explain or scan)'
        }
        errors
    }

    /** The samplesheet's rows; problems go to {@code errors}. Paths are relative to the samplesheet's folder. */
    static List<Row> samplesheet(String path, List<String> errors) {
        def file = new File(path)
        def lines = file.readLines()
        if (!lines) {
            errors << "${path}: empty samplesheet"
            return []
        }
        def header = lines[0].split(',', -1)*.trim()
        int task = header.indexOf('task')
        int peaks = header.indexOf('peaks')
        int group = header.indexOf('group')
        if (task < 0 || peaks < 0) {
            errors << "${path}:1: the header must name the columns task and peaks (and optionally group), found '${lines[0]}'"
            return []
        }
        List<Row> rows = []
        Map<String, Integer> seen = [:]
        lines.eachWithIndex { String line, int i ->
            if (i == 0 || !line.trim()) {
                return
            }
            def fields = line.split(',', -1)*.trim()
            if (fields.size() != header.size()) {
                errors << "${path}:${i + 1}: expected ${header.size()} comma-separated fields, found ${fields.size()}"
                return
            }
            def name = fields[task]
            if (!(name ==~ /[A-Za-z0-9_.-]+/)) {
                errors << "${path}:${i + 1}: task '${name}' must be letters, digits, '_', '.' or '-'"
                return
            }
            if (seen.containsKey(name)) {
                errors << "${path}:${i + 1}: task '${name}' appears twice (first on line ${seen[name]})"
                return
            }
            seen[name] = i + 1
            def peakFile = new File(fields[peaks])
            if (!peakFile.absolute) {
                peakFile = new File(file.absoluteFile.parentFile, fields[peaks])
            }
            if (!peakFile.isFile()) {
                errors << "${path}:${i + 1}: peak file ${fields[peaks]} does not exist"
                return
            }
            def groupName = group >= 0 && fields[group] ? fields[group] : 'all'
            rows << new Row(group: groupName, task: name, peaks: peakFile)
        }
        if (!rows && !errors) {
            errors << "${path}: no tasks"
        }
        rows
    }

    /**
     * Checks each task's peak chromosomes against the genome (its .fai, else its FASTA headers): a task with no peak
     * on a chromosome of the genome goes to {@code errors}; one with some peaks elsewhere gets one line in the
     * returned warnings, with the count and up to five example chromosomes.
     */
    static List<String> checkChromosomes(String genome, List<Row> rows, List<String> errors) {
        Set<String> contigs = contigs(new File(genome))
        List<String> warnings = []
        rows.each { row ->
            Map<String, Integer> missing = new TreeMap<>()
            int total = 0
            reader(row.peaks).withReader { r ->
                r.eachLine { String line ->
                    if (line.trim() && !line.startsWith('#') && !line.startsWith('track') && !line.startsWith('browser')) {
                        total++
                        def chrom = line.split('\t', 2)[0]
                        if (!contigs.contains(chrom)) {
                            missing[chrom] = (missing[chrom] ?: 0) + 1
                        }
                    }
                }
            }
            int skipped = missing.values().sum(0) as int
            def examples = missing.keySet().take(5).join(', ') + (missing.size() > 5 ? ', ...' : '')
            if (total > 0 && skipped == total) {
                errors << "task '${row.task}' (${row.peaks}): none of its ${total} peaks lies on a chromosome of the genome " +
                        "${genome} (peaks on ${examples}; genome has ${contigs.take(5).join(', ')}${contigs.size() > 5 ? ', ...' : ''}): " +
                        "do the chromosome names differ (e.g. chr1 vs 1)?"
            } else if (skipped > 0) {
                warnings << "task '${row.task}': skipping ${skipped} of ${total} peaks on ${missing.size()} chromosome(s) " +
                        "not in the genome ${genome}: ${examples}"
            }
        }
        warnings
    }

    private static Set<String> contigs(File genome) {
        def fai = new File(genome.path + '.fai')
        if (fai.isFile()) {
            return new LinkedHashSet<String>(fai.readLines().findAll { it }.collect { it.split('\t', 2)[0] })
        }
        Set<String> names = new LinkedHashSet<>()
        reader(genome).withReader { r ->
            r.eachLine { String line ->
                if (line.startsWith('>')) {
                    names << line.substring(1).trim().split(/\s+/, 2)[0]
                }
            }
        }
        names
    }

    /** A reader of a plain or gzip (also bgzip) file, told apart by its magic bytes (MirnaInputs uses it too). */
    static Reader reader(File file) {
        def input = new BufferedInputStream(new FileInputStream(file))
        input.mark(2)
        int b1 = input.read()
        int b2 = input.read()
        input.reset()
        def stream = (b1 == 0x1f && b2 == 0x8b) ? new GZIPInputStream(input, 1 << 16) : input
        new BufferedReader(new InputStreamReader(stream, 'UTF-8'))
    }
}
