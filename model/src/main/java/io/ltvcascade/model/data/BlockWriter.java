package io.ltvcascade.model.data;

import java.io.InputStream;
import java.util.function.Consumer;

/** Second pass over an already validated CSV: cuts it into column blocks of a fixed row count, in file order. */
public final class BlockWriter {

    /** Rows per stored block: big enough to compress well, small enough to stream. */
    public static final int DEFAULT_BLOCK_ROWS = 8192;

    private final TableSchema schema;
    private final int blockRows;

    public BlockWriter(TableSchema schema, int blockRows) {
        this.schema = schema;
        this.blockRows = blockRows;
    }

    /**
     * Calls {@code sink} once per full block and once for the last partial block, each a new block that the sink
     * may keep; returns the row count.
     */
    public long write(InputStream csv, Consumer<ColumnBlock> sink) {
        ColumnBlock block = new ColumnBlock(schema, blockRows);
        long rows = 0;
        try (CsvRows in = CsvRows.open(csv)) {
            if (!in.header().equals(schema.columns().stream().map(ColumnSpec::name).toList())) {
                throw new IllegalArgumentException("the CSV header does not match the schema");
            }
            while (in.next()) {
                block.appendCells(in);
                rows++;
                if (block.isFull()) {
                    sink.accept(block);
                    block = new ColumnBlock(schema, blockRows);
                }
            }
        }
        if (block.rowCount() > 0) {
            sink.accept(block);
        }
        return rows;
    }
}
