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
    };

    private final String cliName;
    private final boolean sequenceLayout;

    Architecture(String cliName) {
        this(cliName, false);
    }

    Architecture(String cliName, boolean sequenceLayout) {
        this.cliName = cliName;
        this.sequenceLayout = sequenceLayout;
    }

    /**
     * True when the network takes [batch, 4, length] (recurrent layout, for DanQ); otherwise it takes
     * [batch, 4, 1, length], a one-row image with the bases as channels.
     */
    public boolean sequenceLayout() {
        return sequenceLayout;
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
        throw new IllegalArgumentException("unknown architecture '" + name + "'; choose one of " + names());
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Architecture::cliName).toList();
    }
}
