package org.regulens.options;

import picocli.CommandLine.Option;

/** {@code --seed}: the seed of every random step; same inputs and seed, same outputs. */
public final class RandomSeed {

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    public long value;
}
