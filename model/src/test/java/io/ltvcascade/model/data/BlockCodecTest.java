package io.ltvcascade.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
