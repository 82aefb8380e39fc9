package org.regulens.nn;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** Copies a deeplearning4j layer configuration into one of a subclass (or back), setting by setting. */
final class LayerConfigurations {

    private LayerConfigurations() {
    }

    /**
     * Copies every instance field declared by {@code type} and its superclasses, so no setting (updater,
     * regularisation, name, kernel, decay, ...) can be forgotten by a hand-written copy.
     */
    static <T> T copy(Class<?> type, Object from, T to) {
        try {
            for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    field.setAccessible(true);
                    field.set(to, field.get(from));
                }
            }
            return to;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot copy a " + type.getSimpleName() + " configuration", e);
        }
    }

    /**
     * What every layer configuration's {@code instantiate} does once its implementation exists: listeners, index,
     * the parameter view and the parameter table from the configuration's initialiser.
     */
    static <L extends org.deeplearning4j.nn.api.Layer> L wire(L layer,
            org.deeplearning4j.nn.conf.layers.Layer configuration,
            org.deeplearning4j.nn.conf.NeuralNetConfiguration conf,
            java.util.Collection<org.deeplearning4j.optimize.api.TrainingListener> listeners, int index,
            org.nd4j.linalg.api.ndarray.INDArray paramsView, boolean initializeParams) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(configuration.initializer().init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
