package io.ltvcascade.model.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltvcascade.model.data.ColumnBlock;
import io.ltvcascade.model.data.ColumnRole;
import io.ltvcascade.model.data.ColumnSpec;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.data.TableSchema;
import io.ltvcascade.model.data.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturePipelineTest {

    private static final TableSchema SCHEMA = new TableSchema(List.of(
            new ColumnSpec("id", ColumnRole.ID, ValueType.TEXT),
            new ColumnSpec("spend", ColumnRole.NUMERIC, ValueType.NUMBER),
            new ColumnSpec("age", ColumnRole.NUMERIC, ValueType.NUMBER),
            new ColumnSpec("city", ColumnRole.CATEGORICAL, ValueType.TEXT),
            new ColumnSpec("y", ColumnRole.LABEL, ValueType.NUMBER)));

    static Table table(double[] spend, double[] age, String[] city) {
        String[] ids = new String[spend.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "c" + i;
        }
        return Table.fromBlocks(SCHEMA, List.of(ColumnBlock.of(SCHEMA,
                new Object[] {ids, spend, age, city, new double[spend.length]}, spend.length)));
    }

    @Test
    void shouldImputeStandardiseAndIndicateMissingValues() {
        Table train = table(new double[] {1, 2, 3, 1000}, new double[] {20, Double.NaN, 40, 30},
                new String[] {"paris", "paris", "rome", null});
        // four rows cannot reach a skewness of 2 (the default); 1 still separates the outlier column
        FeaturePipeline pipeline = FeaturePipeline.fit(train, new FeatureConfig("auto", 1.0, null));
        NumericEncoder spend = pipeline.numeric().get(0);
        NumericEncoder age = pipeline.numeric().get(1);
        assertTrue(spend.log1p(), "heavy-tailed spend gets log1p");
        assertFalse(age.log1p());
        assertTrue(age.missingIndicator());
        assertEquals(30, age.imputeValue(), 1e-12);
        assertEquals(3, pipeline.numericWidth());

        EncodedFeatures x = pipeline.encode(train);
        assertEquals(age.encode(30), x.numeric()[1 * 3 + 1], 1e-6);
        assertEquals(1f, x.numeric()[1 * 3 + 2]);
        assertEquals(0f, x.numeric()[0 * 3 + 2]);
        assertEquals(1, x.categorical()[0], "most frequent category gets index 1");
        assertEquals(0, x.categorical()[3], "missing category uses the unknown slot");
    }

    @Test
    void shouldClipUnseenOutliersToTheTrainingRange() {
        Table train = table(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}, new String[] {"a", "a", "a", "a"});
        FeaturePipeline pipeline = FeaturePipeline.fit(train, new FeatureConfig("none", null, null));
        NumericEncoder spend = pipeline.numeric().get(0);
        assertEquals(spend.encode(4), spend.encode(1e9), 1e-6);
        assertEquals(spend.encode(1), spend.encode(-1e9), 1e-6);
        assertTrue(spend.encode(2) < spend.encode(3));
    }

    @Test
    void shouldSendUnseenCategoriesToTheUnknownSlot() {
        Table train = table(new double[] {1, 2}, new double[] {1, 2}, new String[] {"a", "b"});
        FeaturePipeline pipeline = FeaturePipeline.fit(train, new FeatureConfig("none", null, 1));
        Table later = table(new double[] {1, 2}, new double[] {1, 2}, new String[] {"b", "zzz"});
        EncodedFeatures x = pipeline.encode(later);
        assertEquals(0, x.categorical()[0], "b fell outside the one-entry vocabulary");
        assertEquals(0, x.categorical()[1]);
        assertEquals(2, pipeline.categorical().get(0).slots());
    }
}
