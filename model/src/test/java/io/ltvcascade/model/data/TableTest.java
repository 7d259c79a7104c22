package io.ltvcascade.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A range of rows read out of stored blocks is exactly that range of the whole table, wherever blocks are cut. */
class TableTest {

    private static final Table WHOLE = SyntheticData.generate(23, 5);

    @Test
    void shouldTakeAnyRangeOfRowsAcrossBlockBoundaries() {
        List<ColumnBlock> blocks = blocksOf(WHOLE, 5);
        for (int skip = 0; skip <= WHOLE.rows(); skip++) {
            for (int rows = 0; skip + rows <= WHOLE.rows(); rows++) {
                assertSameRows(WHOLE.range(skip, skip + rows), Table.fromBlocks(WHOLE.schema(), blocks, skip, rows));
            }
        }
        assertSameRows(WHOLE, Table.fromBlocks(WHOLE.schema(), blocks));
    }

    @Test
    void shouldRefuseARangeTheBlocksDoNotHold() {
        List<ColumnBlock> blocks = blocksOf(WHOLE, 5);
        assertThrows(IllegalArgumentException.class, () -> Table.fromBlocks(WHOLE.schema(), blocks, 20, 4));
        assertThrows(IllegalArgumentException.class, () -> Table.fromBlocks(WHOLE.schema(), blocks, -1, 2));
    }

    @Test
    void shouldSelectTheSameRowsAsARange() {
        assertSameRows(WHOLE.range(7, 12), WHOLE.select(new int[] {7, 8, 9, 10, 11}));
    }

    /** {@code table} cut into blocks of {@code size} rows (the last one shorter), as an upload stores it. */
    private static List<ColumnBlock> blocksOf(Table table, int size) {
        List<ColumnBlock> blocks = new ArrayList<>();
        for (int from = 0; from < table.rows(); from += size) {
            blocks.add(table.range(from, Math.min(table.rows(), from + size)).asBlock());
        }
        return blocks;
    }

    private static void assertSameRows(Table expected, Table actual) {
        assertEquals(expected.rows(), actual.rows());
        for (ColumnSpec column : expected.schema().columns()) {
            if (column.type() == ValueType.NUMBER) {
                assertArrayEquals(expected.numbers(column.name()), actual.numbers(column.name()), column.name());
            } else {
                assertArrayEquals(expected.texts(column.name()), actual.texts(column.name()), column.name());
            }
        }
    }
}
