package io.ltvcascade.model.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The stored form of a {@link ColumnBlock}: deflate-compressed columns (doubles as 8 bytes, strings as length-prefixed
 * UTF-8, length -1 for missing) behind a format version, row count and column count.
 */
public final class BlockCodec {

    /** Bumped whenever the byte layout changes; decode refuses other versions. */
    public static final int FORMAT_VERSION = 1;

    private BlockCodec() {}

    public static byte[] encode(ColumnBlock block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        // buffered in front of the deflater: it would otherwise run once per 8-byte value written
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, 1 << 16), 1 << 16))) {
            TableSchema schema = block.schema();
            out.writeInt(FORMAT_VERSION);
            out.writeInt(block.rowCount());
            out.writeInt(schema.size());
            for (int c = 0; c < schema.size(); c++) {
                writeColumn(out, block, c);
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
                new InflaterInputStream(new ByteArrayInputStream(data)), 1 << 16))) {
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IllegalStateException("dataset block format " + version + " is not readable by format " + FORMAT_VERSION);
            }
            int rows = in.readInt();
            int width = in.readInt();
            if (width != schema.size()) {
                throw new IllegalStateException("dataset block has " + width + " columns, schema has " + schema.size());
            }
            Object[] columns = new Object[width];
            for (int c = 0; c < width; c++) {
                columns[c] = readColumn(in, schema.column(c).type(), rows);
            }
            return new ColumnBlock(schema, columns, rows);
        } catch (IOException e) {
            throw new IllegalStateException("dataset block is corrupt: " + e.getMessage(), e);
        }
    }

    private static void writeColumn(DataOutputStream out, ColumnBlock block, int c) throws IOException {
        int rows = block.rowCount();
        if (block.schema().column(c).type() == ValueType.NUMBER) {
            double[] values = block.numbers(c);
            for (int r = 0; r < rows; r++) {
                out.writeDouble(values[r]);
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

    private static Object readColumn(DataInputStream in, ValueType type, int rows) throws IOException {
        if (type == ValueType.NUMBER) {
            double[] values = new double[rows];
            for (int r = 0; r < rows; r++) {
                values[r] = in.readDouble();
            }
            return values;
        }
        String[] values = new String[rows];
        for (int r = 0; r < rows; r++) {
            int length = in.readInt();
            values[r] = length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
        return values;
    }
}
