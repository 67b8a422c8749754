package org.revops.opportunity;

import org.revops.platform.error.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The grade matrix of a sales policy. Rows are the value level (high, medium, low: amount against the A and B
 * thresholds), columns the intent level (high, medium, low: effective probability against its thresholds); the
 * cell is the grade. The API shows three rows of three letters; the table stores the nine letters row by row, so
 * the grade of value level v and intent level i (0 = high) is the letter at 3v + i.
 */
public final class GradeMatrix {
    public static final int SIZE = 3;
    private static final Set<String> GRADES = Set.of("A", "B", "C");

    private GradeMatrix() {
    }

    /** {@code "AABABCBCC"} → {@code [[A, A, B], [A, B, C], [B, C, C]]}. */
    public static List<List<String>> rows(String letters) {
        List<List<String>> rows = new ArrayList<>(SIZE);
        for (int v = 0; v < SIZE; v++) {
            List<String> row = new ArrayList<>(SIZE);
            for (int i = 0; i < SIZE; i++) {
                row.add(String.valueOf(letters.charAt(SIZE * v + i)));
            }
            rows.add(List.copyOf(row));
        }
        return List.copyOf(rows);
    }

    /** The nine letters of a matrix that {@link #problems} found nothing wrong with. */
    public static String letters(List<List<String>> rows) {
        StringBuilder letters = new StringBuilder(SIZE * SIZE);
        rows.forEach(row -> row.forEach(letters::append));
        return letters.toString();
    }

    /**
     * What is wrong with a matrix, as field errors under {@code field}: a shape other than three rows of three (one
     * error), or each cell that is not A, B or C ({@code field[row][column]}). Empty when it is a valid matrix.
     */
    public static List<FieldError> problems(String field, List<List<String>> rows) {
        if (rows == null || rows.size() != SIZE || rows.stream().anyMatch(row -> row == null || row.size() != SIZE)) {
            return List.of(new FieldError(field, "must be 3 rows (value high, medium, low) of 3 grades "
                    + "(intent high, medium, low)"));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int v = 0; v < SIZE; v++) {
            for (int i = 0; i < SIZE; i++) {
                String grade = rows.get(v).get(i);
                if (grade == null || !GRADES.contains(grade)) {
                    errors.add(new FieldError(field + "[" + v + "][" + i + "]", "must be A, B or C"));
                }
            }
        }
        return errors;
    }
}
