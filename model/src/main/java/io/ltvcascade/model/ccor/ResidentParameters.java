package io.ltvcascade.model.ccor;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * The parameters as they are, for inference on the model's own device: DJL's {@link ParameterStore} keeps a map of
 * per-device copies built on first use, which a store made per forward pass rebuilt for every parameter of every
 * pass (a few percent of a small pass). Stateless, so one instance serves every thread.
 */
final class ResidentParameters extends ParameterStore {

    static final ResidentParameters INSTANCE = new ResidentParameters();

    private ResidentParameters() {}

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        return parameter == null ? null : parameter.getArray();
    }
}
