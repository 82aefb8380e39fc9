package org.regulens.mirna;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code regulens mirna}: models of miRNA:target-site binding on interaction maps. */
@Command(name = "mirna", mixinStandardHelpOptions = true,
        description = {
            "Which miRNA:target-site pairs bind: CNNs on 2-D miRNA x target interaction maps, trained on CLASH "
                    + "pairs (TSV/CSV: miRNA, gene[, label])."
        },
        subcommands = {MirnaTrainCommand.class, MirnaPredictCommand.class, MirnaScanCommand.class,
            MirnaExplainCommand.class, MirnaMutagenesisCommand.class, MirnaEvaluateCommand.class},
        synopsisSubcommandLabel = "COMMAND")
public final class MirnaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand (train, predict, evaluate, scan, explain or mutagenesis)");
    }
}
