package io.github.odec.cli.csv;

import java.util.Locale;
import java.util.Set;

/**
 * What a numeric CSV cell holds: a decimal number, an infinity, or nothing (a missing value).
 * A scanner checks the shape in one pass before {@link Double#parseDouble} converts it, so a cell
 * of a million digits and a letter is refused in linear time (a backtracking regular expression
 * took minutes on it), and Java-only forms ({@code 0x1p3}, {@code 1d}) are refused too.
 */
sealed interface CsvNumber {

    /**
     * Cells that mean "no value": what pandas, R, Excel and numpy write for NaN or NA. A literal
     * NaN is never a valid input (states, parameters, times and tolerances must be finite), so it
     * is read as missing too; odec's own output writes NaN for points an instance never reached.
     */
    Set<String> MISSING = Set.of("", "nan", "-nan", "+nan", "na", "n/a", "#n/a", "<na>", "null", "none");

    record Value(double value) implements CsvNumber {}

    record Missing() implements CsvNumber {}

    record NotANumber(String hint) implements CsvNumber {}

    /** Reads a cell already stripped of its surrounding whitespace. */
    static CsvNumber parse(String cell) {
        if (cell.length() <= 5 && MISSING.contains(cell.toLowerCase(Locale.ROOT))) {
            return new Missing();
        }
        if (isDecimal(cell)) {
            return new Value(Double.parseDouble(cell));
        }
        String unsigned = cell.startsWith("-") || cell.startsWith("+") ? cell.substring(1) : cell;
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return new Value(cell.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (cell.indexOf(',') >= 0 && cell.indexOf(',') == cell.lastIndexOf(',')
                && isDecimal(cell.replace(',', '.'))) {
            return new NotANumber("; odec reads a decimal point, not a decimal comma: write "
                    + cell.replace(',', '.'));
        }
        return new NotANumber("");
    }

    /** {@code [+-]?(d+(.d*)?|.d+)([eE][+-]?d+)?}, checked by one scan without backtracking. */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
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
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A cell as messages quote it: long cells shortened, so a 1 MB cell is not echoed back. */
    static String quoted(String cell) {
        if (cell.length() <= 40) {
            return "'" + cell + "'";
        }
        return "'" + cell.substring(0, 24) + "...' (" + cell.length() + " characters)";
    }
}
