package org.regulens.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.nd4j.linalg.activations.Activation;

/**
 * The model zoo: the canonical CNNs of regulatory genomics, each a list of layers (or, with a skip connection, a
 * small graph) ending in a representation that {@link NetworkFactory} maps to one logit per task. Defaults follow
 * the publications, adapted to the input length; the first layer's size, activation, dropout and batch norm are
 * overridable.
 */
public enum Architecture {

    /** DeepBind (Alipanahi et al. 2015): one convolution, global max pooling, a small dense head. */
    DEEPBIND("deepbind") {
        @Override
        LayerStack layers(LayerStack s) {
            return s.firstConvolution(16, 24).globalMaxPool().dense("fc1", 32).dropout(0.5);
        }
    },
    /** Basset (Kelley et al. 2016): three conv blocks 300×19, 200×11, 200×7 with batch norm and max pooling, two FC. */
    BASSET("basset") {
        @Override
        LayerStack layers(LayerStack s) {
            return s.firstConvolution(300, 19).maxPool(3)
                    .convolution("conv2", 200, 11, 1).maxPool(4)
                    .convolution("conv3", 200, 7, 1).maxPool(4)
                    .dense("fc1", 1000).dropout(0.3).dense("fc2", 1000).dropout(0.3);
        }
    },
    /** DeepSEA (Zhou &amp; Troyanskaya 2015): three convolutions 320/480/960 × 8 with pooling and dropout, one dense. */
    DEEPSEA("deepsea") {
        @Override
        LayerStack layers(LayerStack s) {
            return s.firstConvolution(320, 8).maxPool(4).dropout(0.2)
                    .convolution("conv2", 480, 8, 1).maxPool(4).dropout(0.2)
                    .convolution("conv3", 960, 8, 1).dropout(0.5)
                    .dense("fc1", 925);
        }
    },
    /**
     * DanQ (Quang &amp; Xie 2016): convolution 320×26, max pooling 13, bidirectional LSTM 320, dense 925. The LSTM
     * outputs are max-pooled over positions instead of flattened (deeplearning4j applies a dense layer after a
     * recurrent one to each position separately). No batch normalisation, as in the publication.
     */
    DANQ("danq", true) {
        @Override
        LayerStack layers(LayerStack s) {
            return s.firstConvolution1d(320, 26).maxPool1d(13).dropout(0.2)
                    .add(new Bidirectional(Bidirectional.Mode.CONCAT,
                            new LSTM.Builder().nOut(320).activation(Activation.TANH).build()))
                    .globalMaxPool()
                    .dense("fc1", 925).dropout(0.5);
        }
    },
    /**
     * Koo &amp; Ploenzke's CNN with local first-layer filters: 32 filters of width 19 pooled hard (25) straight away,
     * so each filter must capture a whole motif; one more convolution and a dense layer.
     */
    CNN_LOCAL("cnn-local") {
        @Override
        LayerStack layers(LayerStack s) {
            return s.firstConvolution(32, 19).maxPool(25).dropout(0.1)
                    .convolution("conv2", 64, 5, 1).maxPool(2).dropout(0.2)
                    .dense("fc1", 128).dropout(0.5);
        }
    },
    /**
     * Koo &amp; Ploenzke's CNN with distributed representations: 32 filters of width 19 pooled gently (4), then deeper
     * convolutions build motifs out of partial first-layer features.
     */
    CNN_DIST("cnn-dist") {
        @Override
        LayerStack layers(LayerStack s) {
            return s.firstConvolution(32, 19).maxPool(4).dropout(0.1)
                    .convolution("conv2", 64, 7, 1).maxPool(4).dropout(0.2)
                    .convolution("conv3", 96, 7, 1).maxPool(3).dropout(0.3)
                    .dense("fc1", 128).dropout(0.5);
        }
    },
    /**
     * ResidualBind (Koo et al. 2021): convolution 96×19, dropout 0.1; a residual block of three dilated
     * convolutions 96×3 (dilation 1, 2, 4, batch norm after each, ReLU between) whose output is added to the block's
     * input; max pooling 10, dropout 0.2; dense 256, dropout 0.5. The skip connection makes it a graph.
     */
    RESIDUALBIND("residualbind") {
        @Override
        LayerStack layers(LayerStack s) {
            return s.firstConvolution(96, 19).dropout(0.1)
                    .residualBlock("res", 3, 1, 2, 4)
                    .maxPool(10).dropout(0.2)
                    .dense("fc1", 256).dropout(0.5);
        }
    },
    /**
     * A hybrid CNN + self-attention model (in the spirit of SATORI, Ullah &amp; Ben-Hur 2021): convolution 64×19 (batch
     * norm, the user's activation), max pooling 4; multi-head self-attention (4 heads of 16, as many outputs as
     * filters, input added to output) over the pooled positions, with a fixed sinusoidal positional encoding
     * ({@link PositionalSelfAttention}); global max pooling; dense 128, dropout 0.5. The attention maps say which pooled
     * positions each position reads from ({@code regulens attention}). Global pooling rather than a dense layer on the
     * flattened map: a motif (or a pair) counts wherever it lies, which a few thousand rows cannot teach a dense
     * layer position by position (with the flattened map it did not learn a planted pair in 3,200 rows); no dropout
     * around the attention, which the few positions it mixes do not need.
     */
    CNN_ATTENTION("cnn-attention") {
        @Override
        LayerStack layers(LayerStack s) {
            return s.firstConvolution(64, 19).maxPool(4)
                    .selfAttention("attention", 4, 16)
                    .globalMaxPool()
                    .dense("fc1", 128).dropout(0.5);
        }
    },
    /**
     * A residual 2-D CNN on miRNA:target interaction maps (after miRBind, Klimentová et al. 2022): convolution
     * 32×3×3, max pooling 2×2, a residual block of two 3×3 convolutions, convolution 64×3×3, max pooling 2×2, a
     * second residual block, max pooling 2×2, dropout 0.3, dense 128, dropout 0.5. The map's rows are miRNA
     * positions and its columns target positions, so the flattened dense input keeps where a pairing lies.
     */
    MIRNA_RESNET("mirna-resnet", Input.INTERACTION_MAP) {
        @Override
        LayerStack layers(LayerStack s) {
            return s.firstConvolution2d(32, 3).maxPool2d(2)
                    .residualBlock2d("res1", 3)
                    .convolution2d("conv2", 64, 3).maxPool2d(2)
                    .residualBlock2d("res2", 3)
                    .maxPool2d(2).dropout(0.3)
                    .dense("fc1", 128).dropout(0.5);
        }
    },
    /** A small plain 2-D CNN on interaction maps: convolutions 16×3×3 and 32×3×3, each max-pooled 2×2; dense 64. */
    MIRNA_CNN("mirna-cnn", Input.INTERACTION_MAP) {
        @Override
        LayerStack layers(LayerStack s) {
            return s.firstConvolution2d(16, 3).maxPool2d(2)
                    .convolution2d("conv2", 32, 3).maxPool2d(2).dropout(0.2)
                    .dense("fc1", 64).dropout(0.5);
        }
    };

    /**
     * Rows (miRNA positions) of an interaction map: miRNAs are read from their 5' end for this many nucleotides,
     * as in the CLASH training set of miRBind.
     */
    public static final int MAP_ROWS = 20;

    /** What a network takes as input. */
    public enum Input {
        /** One-hot DNA as a one-row image, [batch, 4, 1, length]. */
        ONE_HOT,
        /** One-hot DNA as a sequence, [batch, 4, length] (recurrent architectures). */
        ONE_HOT_SEQUENCE,
        /** A miRNA × target pairing map with one channel, [batch, 1, {@value #MAP_ROWS}, length]. */
        INTERACTION_MAP
    }

    private final String cliName;
    private final Input input;

    Architecture(String cliName) {
        this(cliName, Input.ONE_HOT);
    }

    Architecture(String cliName, boolean sequenceLayout) {
        this(cliName, sequenceLayout ? Input.ONE_HOT_SEQUENCE : Input.ONE_HOT);
    }

    Architecture(String cliName, Input input) {
        this.cliName = cliName;
        this.input = input;
    }

    public Input input() {
        return input;
    }

    /** True for architectures on one-hot DNA (the ones {@code regulens train} offers). */
    public boolean takesOneHot() {
        return input != Input.INTERACTION_MAP;
    }

    /** The network input's shape for n rows of this length (bases, or target positions of a map). */
    public long[] inputShape(long n, int length) {
        return switch (input) {
            case ONE_HOT -> new long[] {n, 4, 1, length};
            case ONE_HOT_SEQUENCE -> new long[] {n, 4, length};
            case INTERACTION_MAP -> new long[] {n, 1, MAP_ROWS, length};
        };
    }

    /** Floats per row of input: 4 × length for one-hot DNA, {@value #MAP_ROWS} × length for a map. */
    public int rowSize(int length) {
        return (input == Input.INTERACTION_MAP ? MAP_ROWS : 4) * length;
    }

    /**
     * True when the network takes [batch, 4, length] (recurrent layout, for DanQ); otherwise it takes
     * [batch, 4, 1, length], a one-row image with the bases as channels.
     */
    public boolean sequenceLayout() {
        return input == Input.ONE_HOT_SEQUENCE;
    }

    public String cliName() {
        return cliName;
    }

    abstract LayerStack layers(LayerStack stack);

    public static Architecture parse(String name) {
        for (Architecture a : values()) {
            if (a.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "'; choose one of " + names()
                + " (or, for miRNA:target maps, " + mapNames() + ")");
    }

    /** Names of the architectures on one-hot DNA. */
    public static List<String> names() {
        return Arrays.stream(values()).filter(Architecture::takesOneHot).map(Architecture::cliName).toList();
    }

    /**
     * Names of the architectures that can share parameters between strands (--rc equivariant): those built from
     * convolutions, max pooling and dense layers only.
     */
    public static List<String> equivariantNames() {
        return Arrays.stream(values()).filter(Architecture::supportsEquivariance).map(Architecture::cliName).toList();
    }

    /** True when {@link #equivariantNames} lists this architecture. */
    public boolean supportsEquivariance() {
        if (!takesOneHot()) {
            return false;
        }
        try {
            layers(new LayerStack(new ModelSettings(cliName, "relu", 0, 0, -1, true, "equivariant", 1e-3, 0, 1)));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Names of the architectures on miRNA:target interaction maps. */
    public static List<String> mapNames() {
        return Arrays.stream(values()).filter(a -> !a.takesOneHot()).map(Architecture::cliName).toList();
    }
}
