package org.regulens.attribute;

import java.util.List;
import java.util.Locale;

/** The attribution methods by command-line name, with the settings they read. */
public final class Methods {

    public static final List<String> NAMES = List.of("saliency", "gradxinput", "smoothgrad", "ig", "deeplift",
            "deepshap", "ism", "gradcam", "guided-backprop");

    /**
     * @param baseline   null for the method's default (zeros for ig, shuffle for deeplift and deepshap)
     * @param refs       references per sequence for deepshap
     * @param steps      integration steps for ig
     * @param samples    noisy copies for smoothgrad
     * @param noise      standard deviation of smoothgrad's noise
     * @param centre     mean-centre gradients per position (saliency, gradxinput, smoothgrad, guided-backprop)
     * @param layer      Grad-CAM layer name, or null for the deepest positional feature map
     * @param naiveIsm   use naive ISM instead of the fast path
     */
    public record Settings(String baseline, int refs, int steps, int samples, double noise, boolean centre,
                           String layer, boolean naiveIsm, long seed) {
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
            case "deeplift" -> new DeepLift(function, task, 1, baseline == null ? References.SHUFFLE : baseline, s.seed());
            case "deepshap" -> new DeepLift(function, task, s.refs(), baseline == null ? References.SHUFFLE : baseline, s.seed());
            case "ism" -> new InSilicoMutagenesis(function, task, !s.naiveIsm());
            case "gradcam" -> {
                ExplainNetwork network = function.network();
                int step = s.layer() == null ? GradCam.defaultStep(network) : network.stepIndex(s.layer());
                if (step < 0) {
                    throw new IllegalArgumentException("no layer named '" + s.layer() + "' in the model");
                }
                yield new GradCam(function, task, step);
            }
            default -> throw new IllegalArgumentException("unknown method '" + name + "'; choose one of " + NAMES);
        };
    }
}
