package org.regulens.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.RegulensException;
import org.regulens.core.Version;
import org.regulens.encode.EncodeCommand;
import org.regulens.io.AtomicOutput;
import org.regulens.options.OutputGuard;
import org.regulens.simulate.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code regulens} command. Exit status: 0 success, 1 data or runtime error (one line naming the file and
 * record), 2 usage error.
 */
@Command(name = "regulens",
        mixinStandardHelpOptions = true,
        versionProvider = Regulens.VersionProvider.class,
        description = "Train deep models on ChIP-seq/DNase peaks and find the motifs that drive them.",
        subcommands = {
            SimulateCommand.class,
            EncodeCommand.class,
            org.regulens.train.TrainCommand.class,
            org.regulens.evaluate.EvaluateCommand.class,
            org.regulens.predict.PredictCommand.class,
            org.regulens.attribute.AttributeCommand.class,
            org.regulens.variants.VariantsCommand.class,
            org.regulens.attention.AttentionCommand.class,
            org.regulens.filters.FiltersCommand.class,
            org.regulens.motifs.MotifsCommand.class,
            org.regulens.compare.CompareCommand.class,
            org.regulens.scan.ScanCommand.class,
            org.regulens.gia.GiaCommand.class,
            org.regulens.report.ReportCommand.class,
            org.regulens.mirna.MirnaCommand.class,
            BackendCommand.class,
            CommandLine.HelpCommand.class
        },
        synopsisSubcommandLabel = "COMMAND")
public final class Regulens implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Print only warnings and errors.")
    void setQuiet(boolean quiet) {
        Log.setQuiet(quiet);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    public static void main(String[] args) {
        LauncherWatch.start();
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        // htsjdk logs warnings (e.g. about index sources) that mean nothing to our users; errors still show.
        htsjdk.samtools.util.Log.setGlobalLogLevel(htsjdk.samtools.util.Log.LogLevel.ERROR);
        CommandLine commandLine = new CommandLine(new Regulens());
        commandLine.setExecutionExceptionHandler(Regulens::handleError);
        commandLine.setParameterExceptionHandler(Regulens::handleUsageError);
        commandLine.setExecutionStrategy(Regulens::executeChecked);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpAutoWidth(true);
        return commandLine;
    }

    /**
     * Before any work: an argument that matched nothing is an error even when --help follows it ({@code regulens
     * nosuch --help} must not print the top-level help and succeed), and no output may be one of the inputs.
     */
    private static int executeChecked(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        boolean help = false;
        for (CommandLine.ParseResult level = parsed; level != null;
                level = level.hasSubcommand() ? level.subcommand() : null) {
            if (!level.unmatched().isEmpty()) {
                CommandLine here = level.commandSpec().commandLine();
                String first = level.unmatched().get(0);
                if (!level.hasSubcommand() && !here.getSubcommands().isEmpty() && !first.startsWith("-")) {
                    throw new CommandLine.ParameterException(here, "unknown command '" + first + "'; the commands are "
                            + String.join(", ", here.getSubcommands().keySet()));
                }
                throw new CommandLine.UnmatchedArgumentException(here, level.unmatched());
            }
            help |= level.isUsageHelpRequested() || level.isVersionHelpRequested();
        }
        if (!help) {
            OutputGuard.check(last);
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** A usage error: the one line that says what is wrong and where to read more, not the whole usage text. */
    private static int handleUsageError(CommandLine.ParameterException error, String[] args) {
        CommandLine commandLine = error.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String where = commandLine.getCommandSpec().qualifiedName();
        err.println(where + ": error: " + oneLine(error.getMessage()));
        if (error instanceof CommandLine.UnmatchedArgumentException unmatched) {
            java.util.List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                err.println(where + ": did you mean: " + String.join(", ", suggestions) + "?");
            }
        }
        err.println("see '" + where + " --help'");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int handleError(Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String where = commandLine.getCommandSpec().qualifiedName();
        if (error instanceof RegulensException) {
            err.println(where + ": error: " + error.getMessage());
        } else if (error instanceof UncheckedIOException || error instanceof java.io.IOException) {
            err.println(where + ": error: " + oneLine(withReason(error)));
        } else {
            err.println(where + ": internal error: " + error.getClass().getSimpleName() + ": "
                    + oneLine(String.valueOf(error.getMessage())) + " (set REGULENS_DEBUG=1 for a stack trace)");
        }
        if (System.getenv("REGULENS_DEBUG") != null) {
            error.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.DATA_ERROR;
    }

    /** The message of an I/O error with its reason in words: Java's file errors often carry only the path. */
    private static String withReason(Exception error) {
        String message = String.valueOf(error.getMessage());
        Throwable cause = error instanceof java.io.IOException ? error : error.getCause();
        if (cause instanceof java.io.IOException io) {
            String reason = AtomicOutput.reason(io);
            if (reason != null && !message.contains(reason)) {
                return message + " (" + reason + ")";
            }
        }
        return message;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ').trim();
    }

    /** {@code regulens --version}: our version and the Java runtime. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "regulens " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
            };
        }
    }
}
