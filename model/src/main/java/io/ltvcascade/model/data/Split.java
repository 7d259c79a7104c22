package io.ltvcascade.model.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/** Training, validation and test parts of a table: by a fold column, or by seeded random shares. */
public record Split(Table train, Table validation, Table test) {

    /** Rows whose (integer) fold value is in each set; other folds are left out. */
    public static Split byFold(Table table, String foldColumn, Set<Integer> train, Set<Integer> validation,
            Set<Integer> test) {
        if (!table.has(foldColumn)) {
            throw new IllegalArgumentException("no fold column '" + foldColumn + "' (is it ignored? it must be numeric)");
        }
        double[] fold = table.numbers(foldColumn);
        return new Split(table.select(rows(fold, train)), table.select(rows(fold, validation)),
                table.select(rows(fold, test)));
    }

    /** A seeded random split: {@code trainShare} and {@code validationShare} of the rows, the rest for test. */
    public static Split byRatio(Table table, double trainShare, double validationShare, long seed) {
        if (trainShare <= 0 || validationShare <= 0 || trainShare + validationShare >= 1) {
            throw new IllegalArgumentException("split shares must be positive and leave rows for the test part");
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, table.rows()).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        int a = (int) Math.round(table.rows() * trainShare);
        int b = a + (int) Math.round(table.rows() * validationShare);
        return new Split(table.select(slice(order, 0, a)), table.select(slice(order, a, b)),
                table.select(slice(order, b, order.size())));
    }

    private static int[] rows(double[] fold, Set<Integer> folds) {
        return IntStream.range(0, fold.length).filter(i -> folds.contains((int) fold[i])).toArray();
    }

    private static int[] slice(List<Integer> order, int from, int to) {
        return order.subList(from, to).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
