package org.revops.territory.rules;

/**
 * The parsed form of a rule's expression: criterion references combined with AND and OR (no NOT, so every
 * expression is monotone: more true criteria never make it false, and all-false is always false).
 */
sealed interface Expression permits Expression.Ref, Expression.And, Expression.Or {

    /**
     * The value of the expression when exactly the criteria {@code k} with bit {@code k-1} of {@code trueCriteria}
     * set are true.
     */
    boolean isTrueFor(int trueCriteria);

    /** Criterion {@code number} (1-based, as written in the expression). */
    record Ref(int number) implements Expression {
        @Override
        public boolean isTrueFor(int trueCriteria) {
            return (trueCriteria >>> (number - 1) & 1) == 1;
        }
    }

    record And(Expression left, Expression right) implements Expression {
        @Override
        public boolean isTrueFor(int trueCriteria) {
            return left.isTrueFor(trueCriteria) && right.isTrueFor(trueCriteria);
        }
    }

    record Or(Expression left, Expression right) implements Expression {
        @Override
        public boolean isTrueFor(int trueCriteria) {
            return left.isTrueFor(trueCriteria) || right.isTrueFor(trueCriteria);
        }
    }
}
