package org.revops.opportunity;

import org.junit.jupiter.api.Test;
import org.revops.platform.error.FieldError;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GradeMatrixTest {

    @Test
    void nineLettersAreThreeRowsReadRowByRow() {
        assertEquals(List.of(List.of("A", "A", "B"), List.of("A", "B", "C"), List.of("B", "C", "C")),
                GradeMatrix.rows("AABABCBCC"));
        assertEquals("ABCBCACAB", GradeMatrix.letters(GradeMatrix.rows("ABCBCACAB")));
        // the cell of value level v and intent level i is the letter at 3v + i
        assertEquals("C", GradeMatrix.rows("AAAAACAAA").get(1).get(2));
    }

    @Test
    void aValidMatrixHasNoProblems() {
        assertEquals(List.of(), GradeMatrix.problems("m", GradeMatrix.rows("CCCBBBAAA")));
    }

    @Test
    void aWrongShapeIsOneProblemOnTheField() {
        String shape = "must be 3 rows (value high, medium, low) of 3 grades (intent high, medium, low)";
        List<FieldError> expected = List.of(new FieldError("gradeMatrix", shape));
        assertEquals(expected, GradeMatrix.problems("gradeMatrix", null));
        assertEquals(expected, GradeMatrix.problems("gradeMatrix", List.of()));
        assertEquals(expected, GradeMatrix.problems("gradeMatrix",
                List.of(List.of("A", "B", "C"), List.of("A", "B", "C"))));
        assertEquals(expected, GradeMatrix.problems("gradeMatrix",
                List.of(List.of("A", "B", "C"), List.of("A", "B", "C", "C"), List.of("A", "B", "C"))));
        assertEquals(expected, GradeMatrix.problems("gradeMatrix",
                Arrays.asList(List.of("A", "B", "C"), null, List.of("A", "B", "C"))));
    }

    @Test
    void eachCellThatIsNotAGradeIsNamed() {
        List<List<String>> rows = List.of(List.of("A", "D", "C"), Arrays.asList("A", null, "C"),
                List.of("a", "B", "AB"));
        assertEquals(List.of(new FieldError("m[0][1]", "must be A, B or C"), new FieldError("m[1][1]", "must be A, B or C"),
                        new FieldError("m[2][0]", "must be A, B or C"), new FieldError("m[2][2]", "must be A, B or C")),
                GradeMatrix.problems("m", rows));
    }
}
