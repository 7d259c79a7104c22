package io.ltvcascade.model.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The stored form of a {@link ColumnBlock}: deflate-compressed columns (doubles as 8 big-endian bytes, strings as
 * length-prefixed UTF-8, length -1 for missing) behind a format version, row count and column count.
 *
 * <p>Number columns move in bulk through a 64 KiB scratch array ({@link ByteBuffer}'s double views): value by value
 * through the data streams they cost twice as much as the deflate itself. No array of a block's whole size is made:
 * one of 2 MiB or more would be allocated outside the JVM's young generation.
 */
public final class BlockCodec {

    /** Bumped whenever the byte layout changes; decode refuses other versions. */
    public static final int FORMAT_VERSION = 1;

    private static final int BUFFER = 1 << 16;
    private static final int SCRATCH_DOUBLES = BUFFER / 8;

    private BlockCodec() {}

    public static byte[] encode(ColumnBlock block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        // buffered in front of the deflater: it would otherwise run once per short write
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, BUFFER), BUFFER))) {
            TableSchema schema = block.schema();
            out.writeInt(FORMAT_VERSION);
            out.writeInt(block.rowCount());
            out.writeInt(schema.size());
            byte[] scratch = new byte[BUFFER];
            for (int c = 0; c < schema.size(); c++) {
                writeColumn(out, block, c, scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    public static ColumnBlock decode(byte[] data, TableSchema schema) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(data)), BUFFER))) {
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IllegalStateException("dataset block format " + version + " is not readable by format " + FORMAT_VERSION);
            }
            int rows = in.readInt();
            int width = in.readInt();
            if (width != schema.size()) {
                throw new IllegalStateException("dataset block has " + width + " columns, schema has " + schema.size());
            }
            if (rows < 0) {
                throw new IllegalStateException("dataset block is corrupt: it claims " + rows + " rows");
            }
            byte[] scratch = new byte[BUFFER];
            Object[] columns = new Object[width];
            for (int c = 0; c < width; c++) {
                columns[c] = readColumn(in, schema.column(c).type(), rows, scratch);
            }
            return new ColumnBlock(schema, columns, rows);
        } catch (IOException e) {
            throw new IllegalStateException("dataset block is corrupt: " + e.getMessage(), e);
        }
    }

    private static void writeColumn(DataOutputStream out, ColumnBlock block, int c, byte[] scratch) throws IOException {
        int rows = block.rowCount();
        if (block.schema().column(c).type() == ValueType.NUMBER) {
            double[] values = block.numbers(c);
            for (int from = 0; from < rows; from += SCRATCH_DOUBLES) {
                int n = Math.min(SCRATCH_DOUBLES, rows - from);
                ByteBuffer.wrap(scratch).asDoubleBuffer().put(values, from, n);
                out.write(scratch, 0, 8 * n);
            }
            return;
        }
        String[] values = block.texts(c);
        for (int r = 0; r < rows; r++) {
            if (values[r] == null) {
                out.writeInt(-1);
            } else {
                byte[] utf8 = values[r].getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        }
    }

    private static Object readColumn(DataInputStream in, ValueType type, int rows, byte[] scratch) throws IOException {
        if (type == ValueType.NUMBER) {
            double[] values = new double[rows];
            for (int from = 0; from < rows; from += SCRATCH_DOUBLES) {
                int n = Math.min(SCRATCH_DOUBLES, rows - from);
                in.readFully(scratch, 0, 8 * n);
                ByteBuffer.wrap(scratch).asDoubleBuffer().get(values, from, n);
            }
            return values;
        }
        String[] values = new String[rows];
        for (int r = 0; r < rows; r++) {
            int length = in.readInt();
            if (length >= 0) {
                byte[] utf8 = in.readNBytes(length);
                if (utf8.length < length) {
                    throw new EOFException("a text value ends early");
                }
                values[r] = new String(utf8, StandardCharsets.UTF_8);
            }
        }
        return values;
    }
}
