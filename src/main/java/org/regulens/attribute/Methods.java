package org.regulens.attribute;

import java.util.List;
import java.util.Locale;

/** The attribution methods by command-line name, with the settings they read. */
public final class Methods {

    public static final List<String> NAMES = List.of("saliency", "gradxinput", "smoothgrad", "ig", "deeplift",
            "deepshap", "ism", "gradcam", "guided-backprop", "lrp", "guided-gradcam");

    /** The values of --rule (deeplift, deepshap). */
    public static final List<String> DEEPLIFT_RULES = List.of("rescale", "revealcancel");

    /**
     * @param baseline   null for the method's default (zeros for ig, shuffle for deeplift and deepshap)
     * @param refs       references per sequence for deepshap
     * @param steps      integration steps for ig
     * @param samples    noisy copies for smoothgrad
     * @param noise      standard deviation of smoothgrad's noise
     * @param centre     mean-centre gradients per position (saliency, gradxinput, smoothgrad, guided-backprop)
     * @param layer      Grad-CAM layer name, or null for the deepest positional feature map
     * @param naiveIsm   use naive ISM instead of the fast path
     * @param rule       deeplift and deepshap: "rescale" or "revealcancel"
     * @param lrp        lrp: its rule and parameters
     */
    public record Settings(String baseline, int refs, int steps, int samples, double noise, boolean centre,
                           String layer, boolean naiveIsm, long seed, String rule, Lrp lrp) {

        /** DeepLIFT's Rescale rule, LRP's epsilon rule with ε = 0.01. */
        public Settings(String baseline, int refs, int steps, int samples, double noise, boolean centre,
                        String layer, boolean naiveIsm, long seed) {
            this(baseline, refs, steps, samples, noise, centre, layer, naiveIsm, seed, "rescale",
                    new Lrp(Lrp.Kind.EPSILON, 0.01, 2));
        }
    }

    /** The {@link Rule} named by --rule. */
    public static Rule deepliftRule(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "rescale" -> Rule.RESCALE;
            case "revealcancel" -> Rule.REVEAL_CANCEL;
            default -> throw new IllegalArgumentException("--rule must be one of " + DEEPLIFT_RULES + ", not '" + name + "'");
        };
    }

    private Methods() {
    }

    public static AttributionMethod create(String name, ModelFunction function, int task, Settings s) {
        String method = name.toLowerCase(Locale.ROOT);
        References baseline = s.baseline() == null ? null : References.parse(s.baseline());
        return switch (method) {
            case "saliency" -> new GradientMethod(function, task, GradientMethod.Kind.SALIENCY, s.centre());
            case "gradxinput" -> new GradientMethod(function, task, GradientMethod.Kind.GRAD_X_INPUT, s.centre());
            case "guided-backprop" -> new GradientMethod(function, task, GradientMethod.Kind.GUIDED, s.centre());
            case "smoothgrad" -> new SmoothGrad(function, task, s.samples(), s.noise(), s.seed(), s.centre());
            case "ig" -> new IntegratedGradients(function, task, s.steps(), baseline == null ? References.ZEROS : baseline, s.seed());
            case "deeplift" -> new DeepLift(function, task, 1, baseline == null ? References.SHUFFLE : baseline, s.seed(),
                    deepliftRule(s.rule()));
            case "deepshap" -> new DeepLift(function, task, s.refs(), baseline == null ? References.SHUFFLE : baseline,
                    s.seed(), deepliftRule(s.rule()));
            case "lrp" -> new LrpMethod(function, task, s.lrp());
            case "ism" -> new InSilicoMutagenesis(function, task, !s.naiveIsm());
            case "gradcam" -> gradCam(function, task, s.layer());
            case "guided-gradcam" -> new GuidedGradCam(gradCam(function, task, s.layer()),
                    new GradientMethod(function, task, GradientMethod.Kind.GUIDED, false));
            default -> throw new IllegalArgumentException("unknown method '" + name + "'; choose one of " + NAMES);
        };
    }

    private static GradCam gradCam(ModelFunction function, int task, String layer) {
        ExplainNetwork network = function.network();
        int step = layer == null ? GradCam.defaultStep(network) : network.stepIndex(layer);
        if (step < 0) {
            throw new IllegalArgumentException("no layer named '" + layer + "' in the model");
        }
        return new GradCam(function, task, step);
    }
}
