package io.ltvcascade.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetScannerTest {

    private static final UploadSpec SPEC = UploadSpec.of("id", "value");

    @Test
    void shouldReadCdnowWithTheExpectedRowCountAndZeroShare() throws IOException {
        UploadSpec spec = UploadSpec.of("customer_id", "label").ignoring("fold", "label_*");
        List<Long> progress = new ArrayList<>();
        ScanResult scan;
        try (InputStream in = Files.newInputStream(SharedData.file("cdnow/ltv_table.csv"))) {
            scan = new DatasetScanner(spec, progress::add).scan(in);
        }
        LabelStatistics stats = LabelStatistics.of(scan.labels());
        assertEquals(23_570, scan.rowCount());
        assertEquals(0.7006, stats.zeroShare(), 5e-5);
        assertEquals(90.96, stats.p90(), 0.005);
        assertEquals(0.2624, stats.top1PctShare(), 5e-5);

        TableSchema schema = SchemaResolver.resolve(spec, scan);
        assertEquals(ColumnRole.IGNORED, schema.column(schema.indexOf("fold")).role());
        assertEquals(ValueType.NUMBER, schema.column(schema.indexOf("fold")).type());
        assertEquals(ColumnRole.IGNORED, schema.column(schema.indexOf("label_units")).role());
        assertEquals(ColumnRole.NUMERIC, schema.column(schema.indexOf("total_spend")).role());
        assertEquals(ColumnRole.IGNORED, schema.column(schema.indexOf("first_purchase_date")).role(), "dates are descriptive");
        assertEquals(ValueType.TEXT, schema.column(schema.indexOf("customer_id")).type());
    }

    @Test
    void shouldInferCategoricalForFewDistinctTextsAndIgnoredForMany() {
        String csv = "id,value,country,note\n" + "1,0,UK,a\n2,3.5,FR,b\n3,1,UK,c\n";
        UploadSpec spec = new UploadSpec("id", "value", Map.of(), List.of(), 2);
        TableSchema schema = SchemaResolver.resolve(spec, scan(spec, csv));
        assertEquals(ColumnRole.CATEGORICAL, schema.column(2).role());
        assertEquals(ColumnRole.IGNORED, schema.column(3).role());
    }

    @Test
    void shouldRejectNegativeLabelNamingLineAndColumn() {
        var e = assertThrows(DataValidationException.class, () -> scan(SPEC, "id,value\n1,2\n2,-1\n"));
        assertEquals(DataProblem.BAD_LABEL, e.problem());
        assertEquals(3L, e.line());
        assertEquals("value", e.column());
    }

    @Test
    void shouldRejectNanLabel() {
        var e = assertThrows(DataValidationException.class, () -> scan(SPEC, "id,value\n1,NaN\n"));
        assertEquals(DataProblem.BAD_LABEL, e.problem());
    }

    @Test
    void shouldRejectDuplicateIds() {
        var e = assertThrows(DataValidationException.class, () -> scan(SPEC, "id,value\n1,2\n1,3\n"));
        assertEquals(DataProblem.BAD_ID, e.problem());
        assertEquals(3L, e.line());
    }

    @Test
    void shouldRejectRaggedRow() {
        var e = assertThrows(DataValidationException.class, () -> scan(SPEC, "id,value,x\n1,2,3\n2,3\n"));
        assertEquals(DataProblem.MALFORMED_ROW, e.problem());
        assertEquals(3L, e.line());
    }

    @Test
    void shouldRejectUnterminatedQuote() {
        var e = assertThrows(DataValidationException.class, () -> scan(SPEC, "id,value\n1,2\n\"2,3\n"));
        assertEquals(DataProblem.MALFORMED_ROW, e.problem());
    }

    @Test
    void shouldRejectMissingLabelColumnAndDuplicateHeader() {
        assertEquals(DataProblem.BAD_HEADER,
                assertThrows(DataValidationException.class, () -> scan(SPEC, "id,other\n1,2\n")).problem());
        assertEquals(DataProblem.BAD_HEADER,
                assertThrows(DataValidationException.class, () -> scan(SPEC, "id,value,x,x\n1,2,3,4\n")).problem());
    }

    @Test
    void shouldRejectEmptyFiles() {
        assertEquals(DataProblem.EMPTY_FILE, assertThrows(DataValidationException.class, () -> scan(SPEC, "")).problem());
        assertEquals(DataProblem.EMPTY_FILE,
                assertThrows(DataValidationException.class, () -> scan(SPEC, "id,value\n")).problem());
    }

    @Test
    void shouldRejectRoleForUnknownColumn() {
        UploadSpec spec = SPEC.withRoles(Map.of("nope", ColumnRole.NUMERIC));
        var e = assertThrows(DataValidationException.class, () -> scan(spec, "id,value\n1,2\n"));
        assertEquals(DataProblem.UNKNOWN_COLUMN, e.problem());
        assertEquals("nope", e.column());
    }

    @Test
    void shouldRejectTextInAColumnDeclaredNumeric() {
        UploadSpec spec = SPEC.withRoles(Map.of("x", ColumnRole.NUMERIC));
        String csv = "id,value,x\n1,2,3\n2,3,abc\n";
        var e = assertThrows(DataValidationException.class, () -> SchemaResolver.resolve(spec, scan(spec, csv)));
        assertEquals(DataProblem.NOT_NUMERIC, e.problem());
        assertEquals(3L, e.line());
        assertEquals("x", e.column());
    }

    @Test
    void shouldRejectNanInAnInferredNumericColumn() {
        String csv = "id,value,x\n1,2,3\n2,3,NaN\n";
        var e = assertThrows(DataValidationException.class, () -> SchemaResolver.resolve(SPEC, scan(SPEC, csv)));
        assertEquals(DataProblem.NOT_NUMERIC, e.problem());
        assertTrue(e.getMessage().contains("NaN"));
    }

    @Test
    void shouldMatchIgnorePatterns() {
        UploadSpec spec = SPEC.ignoring("label_*", "fold", "*_date");
        assertTrue(spec.ignores("label_units"));
        assertTrue(spec.ignores("fold"));
        assertTrue(spec.ignores("first_purchase_date"));
        assertTrue(!spec.ignores("folds") && !spec.ignores("xlabel_units"));
    }

    static ScanResult scan(UploadSpec spec, String csv) {
        return new DatasetScanner(spec, n -> {}).scan(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
