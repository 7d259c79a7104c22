package io.ltvcascade.api.job;

import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.model.data.ColumnSpec;
import io.ltvcascade.model.data.TableSchema;
import io.ltvcascade.model.data.ValueType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a requested split against the dataset's schema (422 naming the field) and fills in its defaults. */
public final class Splits {

    private Splits() {}

    public static SplitRequest validated(SplitRequest split, TableSchema schema) {
        if (split == null || split.foldColumn() == null) {
            double train = split == null || split.trainShare() == null ? 0.6 : split.trainShare();
            double validation = split == null || split.validationShare() == null ? 0.2 : split.validationShare();
            if (train <= 0 || validation <= 0 || train + validation >= 1) {
                throw invalid("split.train_share", "train_share and validation_share must be positive and leave rows "
                        + "for the test part, got " + train + " and " + validation);
            }
            return new SplitRequest(null, null, null, null, train, validation);
        }
        int index = schema.indexOf(split.foldColumn());
        if (index < 0) {
            throw invalid("split.fold_column", "the dataset has no column '" + split.foldColumn() + "'");
        }
        ColumnSpec column = schema.column(index);
        if (column.type() != ValueType.NUMBER) {
            throw invalid("split.fold_column", "fold column '" + split.foldColumn() + "' must hold numbers");
        }
        List<Integer> train = orDefault(split.trainFolds(), List.of(0, 1, 2), "split.train_folds");
        List<Integer> validation = orDefault(split.validationFolds(), List.of(3), "split.validation_folds");
        List<Integer> test = orDefault(split.testFolds(), List.of(4), "split.test_folds");
        Set<Integer> seen = new HashSet<>();
        for (List<Integer> part : List.of(train, validation, test)) {
            for (int fold : part) {
                if (!seen.add(fold)) {
                    throw invalid("split", "fold " + fold + " is in more than one part of the split");
                }
            }
        }
        return new SplitRequest(split.foldColumn(), train, validation, test, null, null);
    }

    private static List<Integer> orDefault(List<Integer> folds, List<Integer> fallback, String field) {
        if (folds == null) {
            return fallback;
        }
        if (folds.isEmpty() || folds.contains(null)) {
            throw invalid(field, field + " must list at least one fold number");
        }
        return folds;
    }

    private static ProblemException invalid(String field, String detail) {
        return ProblemException.unprocessable("invalid-split", detail, "field", field);
    }
}
