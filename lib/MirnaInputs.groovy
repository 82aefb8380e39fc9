/**
 * Reads and checks the miRNA entry's samplesheet (--mirna_samplesheet) at start, so that bad input stops the run
 * before any task. A CSV with the header {@code id,pairs,test,mirnas,targets} (and optionally {@code measured});
 * paths are relative to the CSV. Each row is one model: trained on {@code pairs} (or --mirna_model when empty),
 * evaluated and explained on the labelled {@code test} pairs, scanning the {@code targets} FASTA with the
 * {@code mirnas} FASTA, and with {@code measured} (mutation effects on the test pairs) checked by in-silico
 * mutagenesis. Problems are collected as one line each, naming the file and line.
 */
class MirnaInputs {

    static final List<String> COLUMNS = ['id', 'pairs', 'test', 'mirnas', 'targets', 'measured']
    static final List<String> FILE_COLUMNS = COLUMNS.drop(1)

    /** One samplesheet row; absent files are null. */
    static class Row {
        String id
        File pairs
        File test
        File mirnas
        File targets
        File measured
    }

    /** The rows of the samplesheet; problems go to {@code errors}. */
    static List<Row> samplesheet(String path, String model, List<String> errors) {
        def file = new File(path)
        def lines = file.readLines()
        if (!lines) {
            errors << "${path}: empty samplesheet"
            return []
        }
        def header = lines[0].split(',', -1)*.trim()
        def unknown = header.findAll { !(it in COLUMNS) }
        if (!header.contains('id') || unknown || header.size() != header.toSet().size()) {
            errors << "${path}:1: the header must name the column id and some of ${FILE_COLUMNS.join(', ')}, each once" +
                    (unknown ? " (unknown: ${unknown.join(', ')})" : '') + ", found '${lines[0]}'"
            return []
        }
        List<Row> rows = []
        Map<String, Integer> seen = [:]
        lines.eachWithIndex { String line, int i ->
            if (i == 0 || !line.trim()) {
                return
            }
            def where = "${path}:${i + 1}"
            def fields = line.split(',', -1)*.trim()
            if (fields.size() != header.size()) {
                errors << "${where}: expected ${header.size()} comma-separated fields, found ${fields.size()}"
                return
            }
            def values = [header, fields].transpose().collectEntries()
            def id = values.id
            if (!(id ==~ /[A-Za-z0-9_.-]+/)) {
                errors << "${where}: id '${id}' must be letters, digits, '_', '.' or '-'"
                return
            }
            if (seen.containsKey(id)) {
                errors << "${where}: id '${id}' appears twice (first on line ${seen[id]})"
                return
            }
            seen[id] = i + 1
            def row = new Row(id: id)
            int before = errors.size()
            FILE_COLUMNS.each { column ->
                if (values[column]) {
                    def f = new File(values[column])
                    if (!f.absolute) {
                        f = new File(file.absoluteFile.parentFile, values[column])
                    }
                    if (!f.isFile()) {
                        errors << "${where}: ${column} file ${values[column]} does not exist"
                    } else {
                        row[column] = f
                    }
                }
            }
            if (errors.size() > before) {
                return
            }
            if (!row.pairs && !row.test && !row.mirnas && !row.targets) {
                errors << "${where}: row '${id}' has nothing to do: give pairs to train on, test pairs to evaluate, or mirnas and targets to scan"
                return
            }
            if ((row.mirnas == null) != (row.targets == null)) {
                errors << "${where}: scanning needs both mirnas and targets"
            }
            if (row.measured && !row.test) {
                errors << "${where}: measured effects refer to the test pairs: give test"
            }
            if (!row.pairs && !model) {
                errors << "${where}: no pairs to train on and no --mirna_model"
            }
            [pairs: row.pairs, test: row.test].each { column, f ->
                if (f && !hasLabelColumn(f)) {
                    errors << "${f}:1: no 'label' column (the ${column} pairs need labels 0/1)"
                }
            }
            rows << row
        }
        if (!rows && !errors) {
            errors << "${path}: no rows"
        }
        rows
    }

    /** Whether a pair table's header (tab- or comma-separated, plain or gzip) names a label column. */
    private static boolean hasLabelColumn(File table) {
        String first = RegulensInputs.reader(table).withReader { it.readLine() } ?: ''
        first.split(first.contains('\t') ? '\t' : ',')*.trim()*.toLowerCase().contains('label')
    }
}
