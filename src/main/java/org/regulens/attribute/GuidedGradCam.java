package org.regulens.attribute;

/**
 * Guided Grad-CAM (Selvaraju et al. 2017): the Grad-CAM map, stretched to base resolution, times the guided
 * backpropagation gradient, base by base: hyp[b, j] = cam[j] · guided[b, j], attr = hyp × one-hot. Grad-CAM says
 * which region matters for the task, guided backpropagation which bases inside it. For a strand-averaged model
 * both factors are strand-averaged before the product.
 */
final class GuidedGradCam implements AttributionMethod {

    private final GradCam gradCam;
    private final GradientMethod guided;

    GuidedGradCam(GradCam gradCam, GradientMethod guided) {
        this.gradCam = gradCam;
        this.guided = guided;
    }

    @Override
    public Attribution attribute(float[] x, int n, long[] rows) {
        Attribution cam = gradCam.attribute(x, n, rows);
        Attribution gradient = guided.attribute(x, n, rows);
        float[] hyp = gradient.hypothetical().clone();
        for (int k = 0; k < hyp.length; k++) {
            hyp[k] *= cam.hypothetical()[k];
        }
        return new Attribution(hyp, Attribution.noDelta(n), null, gradient.logits());
    }

    @Override
    public int preferredBatch() {
        return 128;
    }
}
