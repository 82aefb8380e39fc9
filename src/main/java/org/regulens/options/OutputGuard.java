package org.regulens.options;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/**
 * Refuses, before a command does any work, an output that is the same file as one of the command's inputs
 * ({@code evaluate --data x.npz --out x.npz} would replace the data set), also through symbolic or hard links,
 * and two outputs that are the same file. Inputs are all path-valued options and parameters not marked
 * {@link Output}.
 */
public final class OutputGuard {

    private OutputGuard() {
    }

    /** A path-valued argument of the command that ran: its option name and value. */
    private record PathArgument(String name, Path path) {
    }

    /** Throws a {@link CommandLine.ParameterException} naming both paths when an output is an input. */
    public static void check(ParseResult parsed) {
        List<PathArgument> inputs = new ArrayList<>();
        List<PathArgument> outputs = new ArrayList<>();
        for (ArgSpec arg : parsed.matchedArgs()) {
            boolean output = arg.userObject() instanceof Field field && field.isAnnotationPresent(Output.class);
            for (Path path : paths(arg.getValue())) {
                PathArgument argument = new PathArgument(name(arg), path);
                (output ? outputs : inputs).add(argument);
            }
        }
        for (int i = 0; i < outputs.size(); i++) {
            PathArgument out = outputs.get(i);
            for (PathArgument in : inputs) {
                if (same(out.path(), in.path())) {
                    throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), out.name() + " "
                            + out.path() + " is the same file as the input " + in.name() + " " + in.path()
                            + ": writing it would destroy the input; choose another output");
                }
            }
            for (PathArgument other : outputs.subList(i + 1, outputs.size())) {
                if (same(out.path(), other.path())) {
                    throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), out.name() + " and "
                            + other.name() + " are the same file (" + out.path() + ")");
                }
            }
        }
    }

    private static String name(ArgSpec arg) {
        return arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
    }

    private static List<Path> paths(Object value) {
        List<Path> paths = new ArrayList<>();
        if (value instanceof Path path) {
            paths.add(path);
        } else if (value instanceof Path[] array) {
            paths.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                if (element instanceof Path path) {
                    paths.add(path);
                }
            }
        }
        return paths;
    }

    /** Same path once made absolute and normalised, or the same existing file (links followed). */
    static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
