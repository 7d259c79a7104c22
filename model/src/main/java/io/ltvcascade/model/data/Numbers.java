package io.ltvcascade.model.data;

/** Strict parsing of CSV cells as numbers: plain decimal or scientific notation, nothing Java-specific. */
public final class Numbers {

    private Numbers() {}

    /** True for the spellings of NaN and infinity that tools write; they look numeric but carry no value. */
    public static boolean isNonFinite(String cell) {
        String s = cell.startsWith("-") || cell.startsWith("+") ? cell.substring(1) : cell;
        return s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("infinity");
    }

    /** Parses a trimmed, non-empty cell; returns {@code null} when it is not a plain finite number. */
    public static Double parse(String cell) {
        return looksNumeric(cell) ? Double.valueOf(Double.parseDouble(cell)) : null;
    }

    // Double.parseDouble also takes "1d", "0x1p3" and "Infinity", which must not pass as data.
    private static boolean looksNumeric(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }
}
