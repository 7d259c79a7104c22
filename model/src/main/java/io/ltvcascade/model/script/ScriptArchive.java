package io.ltvcascade.model.script;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A TorchScript module in the archive format {@code torch.jit.save} writes and {@code torch::jit::load} reads: the
 * class's source under {@code code/}, its attributes as a pickled dict in {@code data.pkl}, each tensor's storage
 * under {@code data/}, and an empty constants table. Written from Java, so that a network trained with DJL's
 * blocks runs as one TorchScript call; libtorch compiles the source when it loads the archive.
 */
final class ScriptArchive {

    /**
     * The newest archive format version libtorch 2.5 reads: an older one would make the loader rewrite operators
     * whose meaning changed since (div, gelu) into compatibility functions.
     */
    private static final String FORMAT_VERSION = "10\n";
    private static final String ROOT = "ltv/";

    /** A float32 tensor attribute of the module: its name, its shape and its values in row-major order. */
    record Tensor(String name, long[] shape, float[] values) {}

    private ScriptArchive() {}

    /**
     * @param className the module's class, {@code __torch__.className}
     * @param source    the class definition (attributes and methods), as TorchScript source
     */
    static byte[] write(String className, String source, List<Tensor> tensors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            stored(zip, "version", FORMAT_VERSION.getBytes(StandardCharsets.US_ASCII));
            stored(zip, "byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            stored(zip, "constants.pkl", new PickleWriter().emptyTuple().finish());
            stored(zip, "code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
            stored(zip, "data.pkl", state(className, tensors));
            for (int i = 0; i < tensors.size(); i++) {
                stored(zip, "data/" + i, littleEndian(tensors.get(i).values()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code __torch__.className} built from {training: False, name: tensor, ...}. */
    private static byte[] state(String className, List<Tensor> tensors) {
        PickleWriter p = new PickleWriter().global("__torch__", className).emptyDict().mark();
        p.string("training").bool(false);
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            p.string(t.name());
            tensor(p, String.valueOf(i), t);
        }
        return p.setItems().build().finish();
    }

    /** torch._utils._rebuild_tensor_v2(storage, offset 0, size, contiguous stride, requires_grad False, hooks). */
    private static void tensor(PickleWriter p, String key, Tensor t) {
        p.global("torch._utils", "_rebuild_tensor_v2").mark();
        p.mark().string("storage").global("torch", "FloatStorage").string(key).string("cpu")
                .integer(t.values().length).tuple().persistentId();
        p.integer(0);
        p.mark();
        for (long size : t.shape()) {
            p.integer(size);
        }
        p.tuple().mark();
        long stride = 1;
        long[] strides = new long[t.shape().length];
        for (int d = strides.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= t.shape()[d];
        }
        for (long s : strides) {
            p.integer(s);
        }
        p.tuple().bool(false);
        p.global("collections", "OrderedDict").emptyTuple().reduce();
        p.tuple().reduce();
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(ROOT + name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
