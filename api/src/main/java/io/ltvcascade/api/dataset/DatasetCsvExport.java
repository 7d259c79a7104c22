package io.ltvcascade.api.dataset;

import io.ltvcascade.model.data.ColumnBlock;
import io.ltvcascade.model.data.ColumnSpec;
import io.ltvcascade.model.data.TableSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Streams a stored dataset back as CSV, block by block, so memory stays flat for any size. */
@ApplicationScoped
public class DatasetCsvExport {

    private final DatasetBlockStore blocks;

    public DatasetCsvExport(DatasetBlockStore blocks) {
        this.blocks = blocks;
    }

    public StreamingOutput stream(long tenantId, long datasetId, TableSchema schema) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            printer.printRecord(schema.columns().stream().map(ColumnSpec::name).toList());
            try {
                blocks.read(tenantId, datasetId, schema, block -> print(printer, block));
            } catch (SQLException e) {
                throw new IOException("reading dataset " + datasetId + " failed", e);
            }
            printer.flush();
        };
    }

    private static void print(CSVPrinter printer, ColumnBlock block) {
        try {
            for (int r = 0; r < block.rowCount(); r++) {
                for (int c = 0; c < block.schema().size(); c++) {
                    printer.print(block.cellText(r, c));
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
