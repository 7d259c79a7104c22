package io.ltvcascade.model.ccor;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Engine set-up before PyTorch loads: always offline (libtorch comes from the classpath jar, never a download),
 * no tracking call, and intra/inter-op threads from {@code LTV_TORCH_THREADS} (default 1: on small machines one
 * thread per op trains about twice as fast and jitters less; see stack notes). Also picks the device.
 * {@code OMP_NUM_THREADS=1} in the environment (an environment variable cannot be set from inside the JVM) also
 * keeps OpenMP regions single-threaded.
 */
public final class DjlRuntime {

    private static volatile boolean configured;

    private DjlRuntime() {}

    public static synchronized void configure() {
        if (configured) {
            return;
        }
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        String threads = System.getenv().getOrDefault("LTV_TORCH_THREADS", "1");
        setIfAbsent("ai.djl.pytorch.num_threads", threads);
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        configured = true;
    }

    /** The device for {@code cpu}, {@code gpu} (fails without one) or {@code auto}. */
    public static Device device(String wanted) {
        configure();
        int gpus = Engine.getInstance().getGpuCount();
        return switch (wanted) {
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalStateException("device 'gpu' was asked for but the engine sees no GPU (is the "
                            + "CUDA libtorch on the classpath? build with -Pgpu)");
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> Device.cpu();
        };
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
