package io.ltvcascade.model.data;

import java.util.HashSet;
import java.util.Set;

/** What one pass over a column found: how many cells were numeric, the first that was not, distinct values. */
public final class ColumnScan {

    private final String name;
    private final int distinctCap;
    private final Set<String> distinct = new HashSet<>();
    private long filled;
    private long numeric;
    private long dates;
    private long firstNonNumericLine = -1;
    private String firstNonNumericValue;
    private long firstNonFiniteLine = -1;
    private String firstNonFiniteValue;

    ColumnScan(String name, int distinctCap) {
        this.name = name;
        this.distinctCap = distinctCap;
    }

    void accept(String cell, long line) {
        if (cell.isEmpty()) {
            return;
        }
        filled++;
        if (distinct.size() <= distinctCap) {
            distinct.add(cell);
        }
        if (looksLikeIsoDate(cell)) {
            dates++;
        }
        if (Numbers.parse(cell) != null) {
            numeric++;
        } else if (Numbers.isNonFinite(cell)) {
            numeric++;
            if (firstNonFiniteLine < 0) {
                firstNonFiniteLine = line;
                firstNonFiniteValue = cell;
            }
        } else if (firstNonNumericLine < 0) {
            firstNonNumericLine = line;
            firstNonNumericValue = cell;
        }
    }

    public String name() {
        return name;
    }

    /** Every filled cell looks like a number (NaN and infinity included, which are then rejected). */
    public boolean allNumeric() {
        return filled > 0 && numeric == filled;
    }

    public boolean hasNonFinite() {
        return firstNonFiniteLine >= 0;
    }

    /** Every filled cell starts with an ISO date (yyyy-mm-dd): descriptive, not a feature (use day indexes). */
    public boolean allDates() {
        return filled > 0 && dates == filled;
    }

    public boolean empty() {
        return filled == 0;
    }

    /** Number of distinct filled values, capped just above the categorical limit. */
    public int distinctCount() {
        return distinct.size();
    }

    public boolean tooManyDistinct() {
        return distinct.size() > distinctCap;
    }

    private static boolean looksLikeIsoDate(String s) {
        return s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-'
                && Character.isDigit(s.charAt(0)) && Character.isDigit(s.charAt(3))
                && Character.isDigit(s.charAt(5)) && Character.isDigit(s.charAt(6))
                && Character.isDigit(s.charAt(8)) && Character.isDigit(s.charAt(9));
    }

    /** Fails with the first non-numeric or non-finite cell, for a column that must hold numbers. */
    void requireNumeric(String why) {
        if (firstNonNumericLine >= 0) {
            throw DataValidationException.at(DataProblem.NOT_NUMERIC, firstNonNumericLine, name,
                    "column '" + name + "' " + why + " but has the non-numeric value '" + firstNonNumericValue + "'");
        }
        if (firstNonFiniteLine >= 0) {
            throw DataValidationException.at(DataProblem.NOT_NUMERIC, firstNonFiniteLine, name,
                    "column '" + name + "' has '" + firstNonFiniteValue
                            + "', which is not a finite number; leave the cell empty for a missing value");
        }
    }
}
