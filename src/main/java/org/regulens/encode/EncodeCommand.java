package org.regulens.encode;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "encode", mixinStandardHelpOptions = true, description = "work in progress")
public final class EncodeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
