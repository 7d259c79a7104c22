package io.ltvcascade.model.ccor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.function.BinaryOperator;

/**
 * A tensor times, over, to the power of, or at least a number, with the number in torch-owned memory. DJL's Number
 * overloads ({@code x.mul(0.5f)}) wrap the number in a direct Java buffer and close it right after the op, but
 * autograd keeps that tensor for the backward pass of mul, div, pow and maximum: after a garbage collection had freed
 * the buffer, backward read freed memory, and training with one seed diverged from run to run (or went NaN) with GC
 * timing. {@code add} and {@code sub} keep nothing for backward, so their Number overloads are safe; every other
 * number operation in the model goes through here.
 */
public final class Scalars {

    private Scalars() {}

    public static NDArray mul(NDArray x, double value) {
        return apply(x, value, NDArray::mul);
    }

    public static NDArray div(NDArray x, double value) {
        return apply(x, value, NDArray::div);
    }

    public static NDArray pow(NDArray x, double value) {
        return apply(x, value, NDArray::pow);
    }

    public static NDArray maximum(NDArray x, double value) {
        return apply(x, value, NDArray::maximum);
    }

    private static NDArray apply(NDArray x, double value, BinaryOperator<NDArray> op) {
        try (NDArray s = of(x, value)) {
            return op.apply(x, s);
        }
    }

    /** A 0-d tensor allocated by torch (not over a Java buffer), so autograd's reference to it stays valid. */
    private static NDArray of(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
    }
}
