package io.ltvcascade.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

class BlockCodecTest {

    private static final String CSV = "id,value,x,city\n007,1.5,,Paris\n008,0,2e3,\n009,12,-4.25,\"Ko, Samui\"\n";

    @Test
    void shouldRoundTripEveryCellThroughBlocks() {
        UploadSpec spec = UploadSpec.of("id", "value");
        TableSchema schema = SchemaResolver.resolve(spec, DatasetScannerTest.scan(spec, CSV));
        List<byte[]> stored = new ArrayList<>();
        long rows = new BlockWriter(schema, 2).write(stream(CSV), block -> stored.add(BlockCodec.encode(block)));

        assertEquals(3, rows);
        assertEquals(2, stored.size());
        ColumnBlock first = BlockCodec.decode(stored.get(0), schema);
        ColumnBlock second = BlockCodec.decode(stored.get(1), schema);
        assertArrayEquals(new String[] {"007", "008"}, first.texts(0));
        assertEquals(Double.NaN, first.numbers(2)[0]);
        assertEquals(2000.0, first.numbers(2)[1]);
        assertEquals(null, first.texts(3)[1]);
        assertEquals("Ko, Samui", second.texts(3)[0]);
        assertEquals("-4.25", second.cellText(0, 2));
        assertEquals(1, second.rowCount());
    }

    @Test
    void shouldRefuseACorruptBlock() {
        UploadSpec spec = UploadSpec.of("id", "value");
        TableSchema schema = SchemaResolver.resolve(spec, DatasetScannerTest.scan(spec, CSV));
        assertThrows(IllegalStateException.class, () -> BlockCodec.decode(new byte[] {1, 2, 3}, schema));
    }

    @Test
    void shouldKeepTheStoredByteLayout() throws Exception {
        // stored datasets and results must stay readable: a block written by hand in the documented layout
        // (version, rows, columns; doubles as 8 bytes; strings length-prefixed, -1 for missing; deflated)
        UploadSpec spec = UploadSpec.of("id", "value");
        TableSchema schema = SchemaResolver.resolve(spec, DatasetScannerTest.scan(spec, CSV));
        ByteArrayOutputStream layout = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(layout)) {
            out.writeInt(BlockCodec.FORMAT_VERSION);
            out.writeInt(1);
            out.writeInt(4);
            out.writeInt(3);
            out.write("007".getBytes(StandardCharsets.UTF_8));
            out.writeDouble(1.5);
            out.writeDouble(Double.NaN);
            out.writeInt(-1);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write(layout.toByteArray());
        }
        ColumnBlock block = BlockCodec.decode(bytes.toByteArray(), schema);
        assertArrayEquals(new String[] {"007"}, block.texts(0));
        assertEquals(1.5, block.numbers(1)[0]);
        assertEquals(Double.NaN, block.numbers(2)[0]);
        assertEquals(null, block.texts(3)[0]);
        assertArrayEquals(layout.toByteArray(),
                new InflaterInputStream(new ByteArrayInputStream(BlockCodec.encode(block))).readAllBytes());
    }

    @Test
    void shouldRefuseATruncatedBlock() {
        UploadSpec spec = UploadSpec.of("id", "value");
        TableSchema schema = SchemaResolver.resolve(spec, DatasetScannerTest.scan(spec, CSV));
        List<byte[]> stored = new ArrayList<>();
        new BlockWriter(schema, 3).write(stream(CSV), block -> stored.add(BlockCodec.encode(block)));
        byte[] whole = stored.get(0);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BlockCodec.decode(cut, schema));
        assertTrue(e.getMessage().startsWith("dataset block is corrupt"), e.getMessage());
    }

    @Test
    void shouldRefuseABlockWhoseTextLengthRunsPastItsEnd() throws Exception {
        String message = refusal(out -> {
            out.writeInt(1);
            out.writeInt(4);
            out.writeInt(1000);
            out.write("007".getBytes(StandardCharsets.UTF_8));
        });
        assertTrue(message.startsWith("dataset block is corrupt"), message);
    }

    @Test
    void shouldRefuseABlockThatClaimsNegativeRows() throws Exception {
        String message = refusal(out -> {
            out.writeInt(-5);
            out.writeInt(4);
        });
        assertTrue(message.contains("claims -5 rows"), message);
    }

    /** Writes what {@code body} writes after the format version, deflated; decode's refusal of it. */
    private static String refusal(HandWritten body) throws IOException {
        UploadSpec spec = UploadSpec.of("id", "value");
        TableSchema schema = SchemaResolver.resolve(spec, DatasetScannerTest.scan(spec, CSV));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(BlockCodec.FORMAT_VERSION);
            body.write(out);
        }
        return assertThrows(IllegalStateException.class, () -> BlockCodec.decode(bytes.toByteArray(), schema))
                .getMessage();
    }

    private interface HandWritten {
        void write(DataOutputStream out) throws IOException;
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
