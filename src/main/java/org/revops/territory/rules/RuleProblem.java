package org.revops.territory.rules;

/**
 * One thing wrong with a rule, addressed like the JSON it came from: {@code expression}, {@code criteria},
 * {@code criteria[2]} (the criterion as a whole) or {@code criteria[2].values} (one of its attributes).
 */
public record RuleProblem(String field, String message) {
}
