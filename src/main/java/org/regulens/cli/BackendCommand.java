package org.regulens.cli;

import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.nn.Nd4jBackend;
import picocli.CommandLine.Command;

/** {@code regulens backend}: loads the compute backend and says which one and which native build it is. */
@Command(name = "backend", mixinStandardHelpOptions = true,
        description = "Load the deep-learning backend (ND4J) and report which backend, native build and BLAS "
                + "this machine uses.")
public final class BackendCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Nd4jBackend.describe().forEach(System.out::println);
        return ExitCodes.OK;
    }
}
