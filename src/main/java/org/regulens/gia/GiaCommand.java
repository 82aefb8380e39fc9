package org.regulens.gia;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.RegulensException;
import org.regulens.data.TrainingData;
import org.regulens.model.ModelFile;
import org.regulens.model.RegulensModel;
import org.regulens.motif.Motif;
import org.regulens.motif.MotifDatabase;
import org.regulens.options.ModelInput;
import org.regulens.options.Output;
import org.regulens.options.RandomSeed;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens gia}: global importance analysis, the model's response to motifs embedded in backgrounds. */
@Command(name = "gia", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Global importance analysis (Koo et al. 2021): embed a motif (or a pair of motifs) into background "
                    + "sequences and measure the change of every task's prediction, f(embedded) - f(background), "
                    + "through the model's own inference path (both strands averaged when the model was trained so).",
            "Experiments (one per run): position (default): the motif on --strand starting at each --positions; "
                    + "distance (--second): the two motifs as a centred pair at each gap of --distances (bases "
                    + "between the first's end and the second's start) in each of --orientations; multiplicity "
                    + "(--copies N): 1..N copies at seeded non-overlapping places (each count adds one copy to the "
                    + "previous count's); gc (--gc): the motif at the centre of backgrounds generated at each GC "
                    + "fraction (independent bases, --data not needed), with rows of series 'background' that "
                    + "give the backgrounds' own prediction (not a change) at each fraction; flanks (--flanks): "
                    + "the motif at the centre with each pair of flanking k-mers written just left and right of it.",
            "A motif is a JASPAR id or name (--motif-db), a pattern name from a MEME file such as motifs' "
                    + "patterns.meme, or a literal k-mer in upper-case IUPAC letters (each ambiguous letter uniform "
                    + "over its bases). --embed consensus writes every column's most probable base; --embed sample "
                    + "draws one instance per background sequence from the columns (seeded), the same in every "
                    + "condition.",
            "Output TSV: experiment (position, distance, multiplicity, gc or flanks), task, condition, series "
                    + "(motif, with ' (-)' on the reverse strand, or orientation, or 'background'), x (position, gap, "
                    + "copies, GC percent or flank pair number), n, then mean, median, SD and a percentile bootstrap 95%% CI of the mean of "
                    + "the change as logits and as probabilities."
        })
public final class GiaCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ModelInput model;

    @Option(names = "--data", paramLabel = "DATA.npz",
            description = "Data set (from encode) whose rows make the backgrounds; needed unless --background is a FASTA file.")
    Path data;

    @Option(names = "--background", defaultValue = "shuffle", paramLabel = "shuffle|data|FASTA",
            description = "shuffle: data rows, each dinucleotide-shuffled; data: data rows as they are; or a FASTA "
                    + "file whose records are cut to their central L bases (default: ${DEFAULT-VALUE}).")
    String background;

    @Option(names = "--samples", defaultValue = "1000",
            description = "Background sequences, drawn in a seeded random order (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--motif", required = true, paramLabel = "MOTIF", description = "The motif to embed.")
    String motif;

    @Option(names = "--motif-db", defaultValue = MotifDatabase.JASPAR2024, paramLabel = "DB",
            description = "Where --motif and --second ids are looked up: JASPAR2024 (bundled) or a MEME, JASPAR or "
                    + "TRANSFAC file (default: ${DEFAULT-VALUE}).")
    String motifDb;

    @Option(names = "--positions", paramLabel = "center|all|LIST",
            description = "0-based start(s) of the motif: center, all, or a comma-separated list (default: center). "
                    + "Only for the position experiment.")
    String positions;

    @Option(names = "--second", paramLabel = "MOTIF", description = "A second motif: the distance experiment.")
    String second;

    @Option(names = "--distances", defaultValue = "0:60:2", paramLabel = "FROM:TO:STEP",
            description = "Gaps between the two motifs, inclusive (default: ${DEFAULT-VALUE}).")
    String distances;

    @Option(names = "--orientations", defaultValue = "++,+-,-+,--", split = ",", paramLabel = "OO",
            description = "Strands of the first and second motif, - reverse-complemented (default: ${DEFAULT-VALUE}).")
    List<String> orientations;

    @Option(names = "--strand", defaultValue = "+", paramLabel = "+|-|both",
            description = "Strand of a single motif (not with --second): + as given, - its reverse complement, both: "
                    + "each condition on each strand, reported as separate series (default: ${DEFAULT-VALUE}).")
    String strand;

    @Option(names = "--copies", paramLabel = "N",
            description = "Multiplicity experiment: 1..N copies of the motif at non-overlapping places drawn per "
                    + "background (seeded).")
    Integer copies;

    @Option(names = "--gc", paramLabel = "FROM:TO:STEP|LIST",
            description = "GC-content experiment: backgrounds generated at each GC fraction (e.g. 0.3:0.7:0.1), "
                    + "--samples each, the motif at the centre.")
    String gc;

    @Option(names = "--flanks", paramLabel = "K|LEFT/RIGHT,...",
            description = "Flank experiment: the motif at the centre between each pair of flanking k-mers, given as "
                    + "LEFT/RIGHT pairs (e.g. AA/TT,GC/GC), or K = 1 or 2 for all 16^K pairs.")
    String flanks;

    @Option(names = "--embed", defaultValue = "consensus", paramLabel = "consensus|sample",
            description = "Embed each motif's consensus or instances sampled from it (default: ${DEFAULT-VALUE}).")
    String embed;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N",
            description = "Bootstrap resamples for the 95%% CI (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--batch-size", defaultValue = "256", description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Output
    @Option(names = "--out", required = true, paramLabel = "GIA.tsv", description = "Effects table (TSV).")
    Path out;

    @CommandLine.Mixin
    RandomSeed seed;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        require(samples >= 1, cl, "--samples must be at least 1");
        require(bootstrap >= 0, cl, "--bootstrap must be >= 0");
        require(batchSize >= 1, cl, "--batch-size must be at least 1");
        require(embed.equals("consensus") || embed.equals("sample"), cl, "--embed must be consensus or sample");
        int experiments = (second != null ? 1 : 0) + (copies != null ? 1 : 0) + (gc != null ? 1 : 0) + (flanks != null ? 1 : 0);
        require(experiments <= 1, cl, "--second, --copies, --gc and --flanks are separate experiments: give one of them");
        require(experiments == 0 || positions == null, cl, "--positions is for the position experiment; "
                + (second != null ? "with --second the pair is centred" : "the other experiments place the motif themselves"));
        require(second == null || !cl.getParseResult().hasMatchedOption("--strand"), cl,
                "--strand is for one motif; with --second use --orientations");
        require(copies == null || copies >= 1, cl, "--copies must be at least 1");
        require(gc == null || !cl.getParseResult().hasMatchedOption("--background"), cl,
                "--gc generates its own backgrounds: no --background");
        for (String o : orientations) {
            require(List.of("++", "+-", "-+", "--").contains(o), cl, "--orientations: '" + o
                    + "' is not one of ++, +-, -+, --");
        }
        boolean fromData = gc == null && (background.equals("shuffle") || background.equals("data"));
        require(!fromData || data != null, cl, "--background " + background + " needs --data");
        RegulensModel regulensModel = ModelFile.load(model.path);
        if (!regulensModel.architecture().takesOneHot()) {
            throw RegulensException.inFile(model.path, "a model of miRNA:target pairs: gia needs a DNA sequence model");
        }
        int length = regulensModel.length();
        List<Motif> database = motif.strip().isEmpty() || EmbedPattern.isLiteral(motif.strip())
                && (second == null || EmbedPattern.isLiteral(second.strip())) ? List.of() : MotifDatabase.resolve(motifDb);
        EmbedPattern first = EmbedPattern.parse(motif, database, motifDb);
        EmbedPattern other = second == null ? null : EmbedPattern.parse(second, database, motifDb);

        SplittableRandom random = new SplittableRandom(seed.value);
        List<byte[]> backgrounds;
        if (gc != null) {
            backgrounds = List.of();
            if (data != null) {
                try (TrainingData dataset = TrainingData.open(data, false)) {
                    regulensModel.requireCompatible(model.path, data, dataset.length(), null);
                }
            }
        } else if (fromData) {
            try (TrainingData dataset = TrainingData.open(data, false)) {
                regulensModel.requireCompatible(model.path, data, dataset.length(), null);
                backgrounds = BackgroundSampler.fromData(dataset, samples, background.equals("shuffle"), random.split());
            }
        } else {
            backgrounds = BackgroundSampler.fromFasta(Path.of(background), length, samples, random.split());
        }
        SplittableRandom instanceRandom = random.split();
        List<byte[]> firstInstances = instances(first, instanceRandom);
        List<GlobalImportance.Level> levels = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        String experiment;
        try {
            List<Boolean> strands = Experiments.parseStrand(strand);
            int centre = Embedding.centre(length, first.width());
            if (other != null) {
                experiment = "distance";
                List<Integer> gaps = Experiments.parseRange(distances);
                int widest = first.width() + gaps.get(gaps.size() - 1) + other.width();
                require(widest <= length, cl, "--distances: the widest pair (" + widest + " bases) does not fit in the "
                        + "model's " + length);
                conditions = Experiments.distances(firstInstances, instances(other, instanceRandom), gaps, orientations);
            } else if (copies != null) {
                experiment = "multiplicity";
                SplittableRandom placement = random.split();
                List<int[]> starts = new ArrayList<>(samples);
                for (int i = 0; i < samples; i++) {
                    starts.add(CopyPlacement.draw(length, first.width(), copies, placement));
                }
                conditions = Experiments.copies(first.label(), firstInstances, starts, copies, strands);
            } else if (flanks != null) {
                experiment = "flanks";
                List<String[]> pairs = Experiments.parseFlanks(flanks);
                int left = pairs.stream().mapToInt(p -> p[0].length()).max().orElse(0);
                int right = pairs.stream().mapToInt(p -> p[1].length()).max().orElse(0);
                require(left <= centre && centre + first.width() + right <= length, cl, "--flanks: the motif with its "
                        + "flanks does not fit in the model's " + length + " bases");
                conditions = Experiments.flanks(first.label(), firstInstances, centre, pairs, strands);
            } else if (gc != null) {
                experiment = "gc";
                levels.addAll(Experiments.gc(first.label(), firstInstances, centre, Experiments.parseGc(gc), strands,
                        length, samples, random.split()));
                for (GlobalImportance.Level level : levels) {
                    conditions.addAll(level.conditions());
                }
            } else {
                experiment = "position";
                conditions = Experiments.positions(first.label(), firstInstances,
                        Experiments.parsePositions(positions == null ? "center" : positions, length, first.width()),
                        strands);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        if (levels.isEmpty()) {
            levels.add(new GlobalImportance.Level(backgrounds, null, conditions));
        }
        Log.info("gia: %s experiment, %d condition(s) x %,d %s backgrounds, %s", experiment, conditions.size(),
                samples, gc != null ? "generated" : fromData ? background : "FASTA", first.label() + (other == null ? "" : " + " + other.label()));
        List<GlobalImportance.Row> rows = new GlobalImportance(regulensModel::logits, regulensModel.tasks(), batchSize,
                bootstrap, seed.value).run(levels);
        GiaTable.write(out, experiment, rows);
        return ExitCodes.OK;
    }

    private List<byte[]> instances(EmbedPattern pattern, SplittableRandom random) {
        List<byte[]> result = new ArrayList<>(samples);
        byte[] consensus = pattern.consensus();
        for (int i = 0; i < samples; i++) {
            result.add(embed.equals("sample") ? pattern.sample(random) : consensus);
        }
        return result;
    }

    private static void require(boolean condition, CommandLine cl, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(cl, message);
        }
    }
}
