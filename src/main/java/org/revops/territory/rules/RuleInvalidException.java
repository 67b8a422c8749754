package org.revops.territory.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule that cannot be compiled, with every problem found in its criteria and expression (never just the first). */
public final class RuleInvalidException extends RuntimeException {
    private final List<RuleProblem> problems;

    public RuleInvalidException(List<RuleProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")),
                null, false, false);   // a client's mistake: no stack trace worth keeping
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
