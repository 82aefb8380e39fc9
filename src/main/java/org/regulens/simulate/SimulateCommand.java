package org.regulens.simulate;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "simulate", mixinStandardHelpOptions = true, description = "work in progress")
public final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
