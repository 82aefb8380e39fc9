package org.regulens.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.io.AtomicOutput;
import org.regulens.motif.MotifDatabase;
import org.regulens.options.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens report}: one self-contained HTML page about a run, plus MultiQC side tables. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Write one self-contained HTML report of a run: key findings (per task: best pattern, its best match, "
                    + "seqlets, auROC/auPR), summary with the parameters of the branch that ran, data set, training "
                    + "curves, ROC/PR curves, discovered motifs with their best matches, first-layer filters and example "
                    + "peaks with their attribution logos. Logos and plots are inline SVG; the page loads nothing.",
            "Every input is optional; a section whose input is missing is left out with a note. MultiQC custom-content "
                    + "tables (regulens_metrics_mqc.tsv, regulens_motifs_mqc.tsv) are written to --mqc-dir."
        })
public final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Output
    @Option(names = "--out", required = true, paramLabel = "REPORT.html", description = "The report (HTML).")
    Path out;

    @Option(names = "--data", paramLabel = "DATA.npz", description = "Data set (from encode): data set section.")
    Path data;

    @Option(names = "--training-log", paramLabel = "MODEL.training.tsv",
            description = "Per-epoch log (from train): training curves.")
    Path trainingLog;

    @Option(names = "--metrics", paramLabel = "METRICS.tsv",
            description = "Metrics (from evaluate), with METRICS.roc.tsv and METRICS.pr.tsv beside it: performance.")
    Path metrics;

    @Option(names = "--motifs", paramLabel = "LABEL=DIR",
            description = "A motifs output folder (with compare's matches.tsv inside, if any) under a label; repeatable.")
    List<String> motifs = new ArrayList<>();

    @Option(names = "--filters", paramLabel = "FILTERS.meme",
            description = "Filter motifs (from filters), with FILTERS.tsv beside it.")
    Path filters;

    @Option(names = "--attributions", paramLabel = "LABEL=ATTR.npz",
            description = "Attributions (from attribute) under a label, for the example peaks; repeatable.")
    List<String> attributions = new ArrayList<>();

    @Option(names = "--variants", paramLabel = "EFFECTS.tsv",
            description = "Variant effects (from variants): a section with the strongest effects per task.")
    Path variants;
    @Option(names = "--attention", paramLabel = "MAPS.npz",
            description = "Attention maps (from attention, cnn-attention models): attention section with the mean map "
                    + "of the top-scoring rows as a heat map.")
    Path attention;

    @Option(names = "--mirna-metrics", paramLabel = "METRICS.tsv",
            description = "Metrics of a miRNA model (from mirna evaluate; curves read beside it): miRNA section.")
    Path mirnaMetrics;

    @Option(names = "--mirna-explain", paramLabel = "DIR",
            description = "Output folder of mirna explain: miRNA section (classes, position importance, duplexes).")
    Path mirnaExplain;

    @Option(names = "--gia", arity = "1..*", paramLabel = "GIA.tsv",
            description = "Tables of 'regulens gia': global importance analysis section (effect vs position or gap). "
                    + "The section is left out, not listed as omitted, without them.")
    List<Path> gia = new ArrayList<>();

    @Option(names = "--params", paramLabel = "PARAMS.json", description = "Run parameters (a JSON object), shown as a table.")
    Path params;

    @Option(names = "--motif-db", defaultValue = MotifDatabase.JASPAR2024, paramLabel = "DB",
            description = "Database the matches refer to, for the matched motifs' logos: JASPAR2024 (bundled), a motif "
                    + "file, or none (default: ${DEFAULT-VALUE}).")
    String motifDb;

    @Option(names = "--match-q", defaultValue = "0.05", paramLabel = "Q",
            description = "Show as a pattern's matches only compare's rows with q-value at most this; a pattern "
                    + "without one shows its best hit as not significant (default: ${DEFAULT-VALUE}).")
    double matchQ;

    @Option(names = "--examples", defaultValue = "3",
            description = "Example peaks per attribution file (the highest-predicted positives), and example duplexes "
                    + "in the miRNA section (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--title", defaultValue = "regulens report", description = "Title of the page (default: ${DEFAULT-VALUE}).")
    String title;

    @Output
    @Option(names = "--mqc-dir", paramLabel = "DIR", description = "Folder for the MultiQC tables (default: beside --out).")
    Path mqcDir;

    @Override
    public Integer call() {
        if (examples < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--examples must be >= 0");
        }
        if (!(matchQ > 0 && matchQ <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--match-q must be in (0, 1]");
        }
        Map<String, String> motifDirs = labelled("--motifs", motifs);
        Map<String, String> attributionFiles = labelled("--attributions", attributions);
        MotifLookup database = "none".equalsIgnoreCase(motifDb) ? null : new MotifLookup(motifDb);
        Path reportDir = out.toAbsolutePath().getParent();

        // Everything is read and rendered before anything is written, so a bad input leaves no output behind.
        List<String> omitted = new ArrayList<>();
        List<String[]> inputs = inputs();
        Map<String, Object> parameters = params == null ? null : RunParameters.read(params);
        DatasetSection.Dataset dataset = data == null ? null : DatasetSection.read(data);
        List<String> sections = new ArrayList<>();
        List<String[]> navigation = new ArrayList<>();
        sections.add(null); // the summary goes first (after the key findings) once we know which sections were left out
        navigation.add(new String[] {SummarySection.ID, "Summary"});

        // A miRNA-only report leaves the DNA sections out entirely (and a DNA report the miRNA section), rather
        // than listing them as omitted.
        boolean mirnaInputs = mirnaMetrics != null || mirnaExplain != null;
        boolean dnaInputs = data != null || trainingLog != null || metrics != null || !motifDirs.isEmpty()
                || filters != null || !attributionFiles.isEmpty() || variants != null || attention != null;
        PerformanceSection.Performance performance = metrics == null ? null : PerformanceSection.read(metrics);
        AttentionSection.Attention attentionMap = attention == null ? null : AttentionSection.read(attention);
        List<MotifsSection.MotifSet> motifSets = new ArrayList<>();
        motifDirs.forEach((label, dir) -> motifSets.add(MotifsSection.read(label, dir, matchQ)));
        if (dnaInputs || !mirnaInputs) {
            // The answer first: the key findings open the page, above the summary.
            List<PerformanceSection.TaskMetrics> tasks = performance == null ? List.of() : performance.tasks();
            sections.add(0, KeyFindingsSection.render(KeyFindingsSection.rows(tasks, motifSets, setTasks(motifDirs,
                    attributionFiles)), motifSets, performance != null, !motifSets.isEmpty()));
            navigation.add(0, new String[] {KeyFindingsSection.ID, "Key findings"});
            add(sections, navigation, omitted, DatasetSection.ID, "Data set", "--data",
                    dataset == null ? null : () -> DatasetSection.render(dataset));
            add(sections, navigation, omitted, TrainingSection.ID, "Training", "--training-log",
                    trainingLog == null ? null : () -> TrainingSection.render(TrainingSection.read(trainingLog)));
            add(sections, navigation, omitted, PerformanceSection.ID, "Performance", "--metrics",
                    performance == null ? null : () -> PerformanceSection.render(performance));
            add(sections, navigation, omitted, MotifsSection.ID, "Motifs", "--motifs",
                    motifSets.isEmpty() ? null : () -> MotifsSection.render(motifSets, database));
            add(sections, navigation, omitted, FiltersSection.ID, "Filters", "--filters",
                    filters == null ? null : () -> FiltersSection.render(FiltersSection.read(filters), database));
            List<ExamplesSection.Example> exampleList = new ArrayList<>();
            attributionFiles.forEach((label, file) -> exampleList.addAll(ExamplesSection.read(label, Path.of(file), examples, dataset)));
            add(sections, navigation, omitted, ExamplesSection.ID, "Examples", "--attributions",
                    attributionFiles.isEmpty() ? null : () -> ExamplesSection.render(exampleList, examples));
            if (variants != null) { // only when given: most runs score no variants
                VariantsSection.Effects effects = VariantsSection.read(variants);
                add(sections, navigation, omitted, VariantsSection.ID, "Variant effects", "--variants",
                        () -> VariantsSection.render(effects));
            }
            if (attentionMap != null) { // only cnn-attention runs have maps: no "omitted" note for the others
                sections.add(AttentionSection.render(attentionMap));
                navigation.add(new String[] {AttentionSection.ID, "Attention"});
            }
        }
        if (!gia.isEmpty()) {
            List<TsvTable> giaTables = GiaSection.read(gia);
            add(sections, navigation, omitted, GiaSection.ID, "Global importance analysis", "--gia",
                    () -> GiaSection.render(giaTables));
        }
        PerformanceSection.Performance mirnaPerformance = mirnaMetrics == null ? null : PerformanceSection.read(mirnaMetrics);
        MirnaSection.Explained explained = mirnaExplain == null ? null : MirnaSection.read(mirnaExplain, examples);
        if (mirnaInputs) {
            add(sections, navigation, omitted, MirnaSection.ID, "miRNA binding", "--mirna-metrics or --mirna-explain",
                    () -> MirnaSection.render(mirnaPerformance, explained));
        }
        sections.set(sections.indexOf(null), SummarySection.render(inputs, parameters, omitted));
        String html = HtmlPage.render(title, navigation, sections);

        Map<Path, String> files = new LinkedHashMap<>();
        files.put(out, html);
        Path mqc = mqcDir != null ? mqcDir : reportDir;
        if (performance != null) {
            files.put(mqc.resolve(MultiqcTables.METRICS_FILE), MultiqcTables.metrics(performance.tasks()));
        }
        if (!motifSets.isEmpty()) {
            files.put(mqc.resolve(MultiqcTables.MOTIFS_FILE), MultiqcTables.motifs(motifSets));
        }
        write(files);
        Log.info("report: %s (%,d bytes; %d section(s) left out)", out, html.length(), omitted.size());
        return ExitCodes.OK;
    }

    private interface Renderer {
        String render();
    }

    private static void add(List<String> sections, List<String[]> navigation, List<String> omitted, String id,
                            String heading, String option, Renderer renderer) {
        if (renderer == null) {
            sections.add(Section.omitted(id, heading, "no " + option + " given."));
            omitted.add(heading);
        } else {
            sections.add(renderer.render());
            navigation.add(new String[] {id, heading});
        }
    }

    /**
     * The task of each motif set: the task its attribution file (the --attributions of the same label) explains,
     * else the label up to its first '/' (the pipeline labels sets task/method).
     */
    private static Map<String, String> setTasks(Map<String, String> motifDirs, Map<String, String> attributionFiles) {
        Map<String, String> tasks = new LinkedHashMap<>();
        for (String label : motifDirs.keySet()) {
            String attr = attributionFiles.get(label);
            String task = attr == null ? null : ExamplesSection.task(Path.of(attr));
            tasks.put(label, task != null ? task : label.contains("/") ? label.substring(0, label.indexOf('/')) : label);
        }
        return tasks;
    }

    private List<String[]> inputs() {
        List<String[]> rows = new ArrayList<>();
        addInput(rows, "--data", data);
        addInput(rows, "--training-log", trainingLog);
        addInput(rows, "--metrics", metrics);
        motifs.forEach(m -> rows.add(new String[] {"--motifs", m}));
        addInput(rows, "--filters", filters);
        attributions.forEach(a -> rows.add(new String[] {"--attributions", a}));
        addInput(rows, "--variants", variants);
        addInput(rows, "--attention", attention);
        addInput(rows, "--mirna-metrics", mirnaMetrics);
        addInput(rows, "--mirna-explain", mirnaExplain);
        gia.forEach(g -> rows.add(new String[] {"--gia", g.toString()}));
        addInput(rows, "--params", params);
        rows.add(new String[] {"--motif-db", motifDb});
        rows.add(new String[] {"--match-q", Html.num(matchQ)});
        return rows;
    }

    private static void addInput(List<String[]> rows, String option, Path value) {
        if (value != null) {
            rows.add(new String[] {option, value.toString()});
        }
    }

    /** LABEL=VALUE pairs in the order given; a label may appear once. */
    private Map<String, String> labelled(String option, List<String> specs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " expects LABEL=PATH, got '" + s + "'");
            }
            if (map.putIfAbsent(s.substring(0, eq), s.substring(eq + 1)) != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + ": label '" + s.substring(0, eq)
                        + "' given twice");
            }
        }
        return map;
    }

    /** Writes each file to a temporary beside it, then renames them all, so no half-written file is ever seen. */
    private static void write(Map<Path, String> files) {
        List<AtomicOutput> outputs = new ArrayList<>();
        try {
            for (Map.Entry<Path, String> file : files.entrySet()) {
                AtomicOutput output = AtomicOutput.create(file.getKey());
                outputs.add(output);
                try (Writer w = output.writer()) {
                    w.write(file.getValue());
                }
            }
            for (AtomicOutput output : outputs) {
                output.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
        } finally {
            outputs.forEach(AtomicOutput::close);
        }
    }
}
