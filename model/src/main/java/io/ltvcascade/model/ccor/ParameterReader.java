package io.ltvcascade.model.ccor;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Loads a block's parameters from DJL's block format, reading each tensor's bytes through an array of their size.
 * DJL 0.33 reads every tensor of a stream through a new 1 MiB array ({@code NDSerializer.readData}): for CC-OR-Net's
 * 56 tensors that is 56 humongous heap allocations per model load, which made loading the parameters take 36-230 ms
 * (the garbage collector running in between) where the bytes themselves take a few (docs/benchmarks.md). The block
 * still reads its own structure; only the manager's {@code decode(InputStream)}, which it calls for each tensor, is
 * answered here, reading the same tensor encoding (DJL's "NDAR", versions 1-3) as DJL does.
 */
final class ParameterReader {

    private static final String MAGIC = "NDAR";
    private static final int NEWEST_VERSION = 3;

    private ParameterReader() {}

    static void load(Block block, NDManager manager, byte[] parameters) throws IOException, MalformedModelException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(decodingWith(manager), in);
        }
    }

    /** {@code manager}, except that it decodes tensors from a stream with {@link #decode}. */
    private static NDManager decodingWith(NDManager manager) {
        return (NDManager) Proxy.newProxyInstance(NDManager.class.getClassLoader(), new Class<?>[] {NDManager.class},
                (proxy, method, args) -> isStreamDecode(method)
                        ? decode(manager, args[0] instanceof DataInputStream data ? data
                                : new DataInputStream((InputStream) args[0]))
                        : invoke(method, manager, args));
    }

    private static boolean isStreamDecode(Method method) {
        return method.getName().equals("decode") && method.getParameterCount() == 1
                && method.getParameterTypes()[0] == InputStream.class;
    }

    private static Object invoke(Method method, NDManager manager, Object[] args) throws Throwable {
        try {
            return method.invoke(manager, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * One tensor in DJL's encoding, read as DJL reads it but without a 1 MiB array per tensor; malformed or cut-short
     * bytes fail with an {@link IOException}, as from DJL's reader.
     */
    static NDArray decode(NDManager manager, DataInputStream in) throws IOException {
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("malformed tensor: no " + MAGIC + " header");
        }
        int version = in.readInt();
        if (version < 1 || version > NEWEST_VERSION) {
            throw new IOException("tensor encoding version " + version + " is not one of 1-" + NEWEST_VERSION);
        }
        String name = version > 1 && in.readByte() == 1 ? in.readUTF() : null;
        in.readUTF(); // the sparse format, which DJL writes and ignores for dense tensors
        DataType type = DataType.valueOf(in.readUTF());
        Shape shape = Shape.decode(in);
        ByteOrder order = version > 2 ? (in.readByte() == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                : ByteOrder.nativeOrder();
        int length = in.readInt();
        ByteBuffer data = manager.allocateDirect(length).order(order);
        data.put(in.readNBytes(length));
        if (data.hasRemaining()) {
            throw new EOFException("tensor " + name + " ends " + data.remaining() + " bytes early");
        }
        NDArray array = manager.create(data.rewind(), shape, type);
        array.setName(name);
        return array;
    }
}
