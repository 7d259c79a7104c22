package io.ltvcascade.model.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The stored form of a {@link ColumnBlock}: deflate-compressed columns (doubles as 8 big-endian bytes, strings as
 * length-prefixed UTF-8, length -1 for missing) behind a format version, row count and column count.
 *
 * <p>Both directions lay the whole block out in one byte array and move columns in bulk ({@link ByteBuffer}'s
 * double views) rather than value by value through data streams, which cost more than the deflate itself.
 */
public final class BlockCodec {

    /** Bumped whenever the byte layout changes; decode refuses other versions. */
    public static final int FORMAT_VERSION = 1;

    private static final int HEADER_BYTES = 12;

    private BlockCodec() {}

    public static byte[] encode(ColumnBlock block) {
        ByteBuffer raw = layOut(block);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.capacity() / 2);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater, 1 << 16)) {
            out.write(raw.array(), 0, raw.capacity());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    public static ColumnBlock decode(byte[] data, TableSchema schema) {
        ByteBuffer in;
        try (InflaterInputStream inflated = new InflaterInputStream(new ByteArrayInputStream(data))) {
            in = ByteBuffer.wrap(inflated.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("dataset block is corrupt: " + e.getMessage(), e);
        }
        try {
            int version = in.getInt();
            if (version != FORMAT_VERSION) {
                throw new IllegalStateException("dataset block format " + version + " is not readable by format " + FORMAT_VERSION);
            }
            int rows = in.getInt();
            int width = in.getInt();
            if (width != schema.size()) {
                throw new IllegalStateException("dataset block has " + width + " columns, schema has " + schema.size());
            }
            Object[] columns = new Object[width];
            for (int c = 0; c < width; c++) {
                columns[c] = readColumn(in, schema.column(c).type(), rows);
            }
            return new ColumnBlock(schema, columns, rows);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IllegalStateException("dataset block is corrupt: it ends early or holds a bad length", e);
        }
    }

    /** The block uncompressed, in the stored byte layout. */
    private static ByteBuffer layOut(ColumnBlock block) {
        TableSchema schema = block.schema();
        int rows = block.rowCount();
        byte[][][] utf8 = new byte[schema.size()][][];
        long size = HEADER_BYTES;
        for (int c = 0; c < schema.size(); c++) {
            if (schema.column(c).type() == ValueType.NUMBER) {
                size += 8L * rows;
            } else {
                utf8[c] = utf8(block.texts(c), rows);
                size += 4L * rows;
                for (byte[] value : utf8[c]) {
                    size += value == null ? 0 : value.length;
                }
            }
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(size));
        out.putInt(FORMAT_VERSION).putInt(rows).putInt(schema.size());
        for (int c = 0; c < schema.size(); c++) {
            if (utf8[c] == null) {
                out.asDoubleBuffer().put(block.numbers(c), 0, rows);
                out.position(out.position() + 8 * rows);
            } else {
                for (byte[] value : utf8[c]) {
                    out.putInt(value == null ? -1 : value.length);
                    if (value != null) {
                        out.put(value);
                    }
                }
            }
        }
        return out;
    }

    private static byte[][] utf8(String[] values, int rows) {
        byte[][] out = new byte[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = values[r] == null ? null : values[r].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private static Object readColumn(ByteBuffer in, ValueType type, int rows) {
        if (type == ValueType.NUMBER) {
            double[] values = new double[rows];
            in.asDoubleBuffer().get(values);
            in.position(in.position() + 8 * rows);
            return values;
        }
        String[] values = new String[rows];
        for (int r = 0; r < rows; r++) {
            int length = in.getInt();
            if (length >= 0) {
                values[r] = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
                in.position(in.position() + length);
            }
        }
        return values;
    }
}
