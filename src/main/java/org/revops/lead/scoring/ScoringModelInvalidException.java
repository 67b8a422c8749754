package org.revops.lead.scoring;

import org.revops.platform.error.FieldError;

import java.util.List;
import java.util.stream.Collectors;

/** A scoring model that does not compile, with every problem found (never just the first), addressed like its JSON. */
public final class ScoringModelInvalidException extends RuntimeException {
    private final List<FieldError> problems;

    public ScoringModelInvalidException(List<FieldError> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")),
                null, false, false);   // a client's mistake: no stack trace worth keeping
        this.problems = List.copyOf(problems);
    }

    public List<FieldError> problems() {
        return problems;
    }
}
