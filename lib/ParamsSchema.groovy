import groovy.json.JsonSlurper

/**
 * Checks the run's params against nextflow_schema.json (JSON Schema draft 2020-12, parameter groups under $defs) at
 * start, as the nf-schema plugin would (it would need a download): unknown parameters (typos, with suggestions, and
 * the removed --max_cpus/--max_memory/--max_time), types, enums, patterns, ranges, and that file parameters exist.
 * Returns one message per problem; an empty list means valid.
 */
class ParamsSchema {

    /** Parameters of earlier versions that are gone, with what to do instead. */
    static final Map<String, String> REMOVED = [
            max_cpus  : 'set process.resourceLimits = [cpus: N, ...] in a config given with -c (docs/usage.md)',
            max_memory: "set process.resourceLimits = [memory: '64.GB', ...] in a config given with -c (docs/usage.md)",
            max_time  : "set process.resourceLimits = [time: '24.h', ...] in a config given with -c (docs/usage.md)",
    ]

    /** The parameter groups: the schema's $defs, in file order (an error if the schema has none). */
    static Map<String, Map> groups(String schemaPath) {
        def schema = new JsonSlurper().parse(new File(schemaPath))
        if (!(schema['$defs'] instanceof Map) || !schema['$defs']) {
            throw new IllegalArgumentException("${schemaPath}: no parameter groups under \$defs (JSON Schema draft 2020-12)")
        }
        schema['$defs'] as Map<String, Map>
    }

    /** Every property of the schema's parameter groups, by name, in file order. */
    static Map<String, Map> properties(String schemaPath) {
        Map<String, Map> all = [:]
        groups(schemaPath).each { group, definition -> definition.properties.each { name, spec -> all[name] = spec } }
        all
    }

    static List<String> validate(Map params, String schemaPath) {
        def known = properties(schemaPath)
        List<String> errors = []
        params.each { String name, value ->
            if (REMOVED.containsKey(name) || REMOVED.containsKey(camelToSnake(name)) || REMOVED.containsKey(kebabToSnake(name))) {
                def removed = REMOVED[name] ?: REMOVED[camelToSnake(name)] ?: REMOVED[kebabToSnake(name)]
                errors << "--${name} was removed: ${removed}"
            } else if (!known.containsKey(name) && !known.containsKey(camelToSnake(name)) && !known.containsKey(kebabToSnake(name))) {
                def close = known.keySet().findAll { distance(it, name) <= 2 }
                errors << "unknown parameter --${name}" + (close ? " (did you mean --${close.join(' or --')}?)" : '')
            }
        }
        known.each { name, spec ->
            def value = params[name]
            if (value == null || (value instanceof String && value.isEmpty() && spec.type == 'string')) {
                return
            }
            String problem = check(value, spec)
            if (problem) {
                errors << "--${name} ${value}: ${problem}"
            }
        }
        errors
    }

    private static String check(value, Map spec) {
        switch (spec.type) {
            case 'boolean':
                if (!(value instanceof Boolean)) return 'must be true or false'
                return null
            case 'integer':
                if (!(value instanceof Integer || value instanceof Long || (value instanceof String && value ==~ /-?\d+/))) {
                    return 'must be a whole number'
                }
                return range(value as long, spec)
            case 'number':
                if (!(value instanceof Number || (value instanceof String && value.isBigDecimal()))) return 'must be a number'
                return range(value as BigDecimal, spec)
            default:
                def text = value.toString()
                if (spec.enum && !(text in spec.enum)) return "must be one of ${spec.enum.join(', ')}"
                if (spec.pattern && !(text ==~ spec.pattern)) return "does not match the expected form ${spec.pattern}"
                if (spec.exists && spec.format == 'file-path' && !new File(text).isFile()) return 'no such file'
                return null
        }
    }

    private static String range(Number value, Map spec) {
        if (spec.minimum != null && value < spec.minimum) return "must be at least ${spec.minimum}"
        if (spec.maximum != null && value > spec.maximum) return "must be at most ${spec.maximum}"
        if (spec.exclusiveMinimum != null && value <= spec.exclusiveMinimum) return "must be above ${spec.exclusiveMinimum}"
        null
    }

    /** The help text: every parameter (not the hidden ones) with its default and description, grouped as in the schema. */
    static String help(String schemaPath) {
        def text = new StringBuilder("Usage: bin/regulens-nextflow run . [-profile test|test_mirna|docker|singularity|apptainer|slurm|gpu] --outdir DIR [options]\n" +
                "  e.g. bin/regulens-nextflow run . --input samplesheet.csv --genome genome.fa --outdir results\n" +
                "  More on each parameter: its help_text in nextflow_schema.json, and docs/usage.md.\n")
        groups(schemaPath).each { group, definition ->
            text << "\n${definition.title}: ${definition.description}\n"
            definition.properties.findAll { name, spec -> !spec.hidden }.each { name, spec ->
                def extra = spec.default != null && spec.default != '' ? " [default: ${spec.default}]" : ''
                text << String.format('  --%-20s %s%s%n', name, spec.description, extra)
            }
        }
        text.toString()
    }

    private static String camelToSnake(String name) {
        name.replaceAll(/([A-Z])/) { '_' + it[0].toLowerCase() }
    }

    private static String kebabToSnake(String name) {
        name.replace('-', '_')
    }

    /** Levenshtein distance, for suggestions. */
    private static int distance(String a, String b) {
        int[] previous = (0..b.length()) as int[]
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1]
            current[0] = i
            for (int j = 1; j <= b.length(); j++) {
                current[j] = [previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)].min()
            }
            previous = current
        }
        previous[b.length()]
    }
}
