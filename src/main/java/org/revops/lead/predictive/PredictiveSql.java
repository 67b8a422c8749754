package org.revops.lead.predictive;

/**
 * The set-based SQL of predictive scoring. Every lead becomes (field, value) pairs with one
 * {@code CROSS JOIN LATERAL unnest(names, values)} ({@link PredictiveField#pairs}); training counts the pairs of the
 * training leads by outcome, scoring joins a lead's pairs to the model's weights and sums them
 * ({@link NaiveBayes} has the formulas). The job and the score-on-write hook use the same scoring statement, so they
 * cannot disagree.
 *
 * <p>Outcome of a lead: <b>won</b> when converted and its converted opportunity is closed won, <b>lost</b> when
 * disqualified or converted with its opportunity closed lost, open otherwise (open leads, and converted leads whose
 * deal is still open or gone, teach nothing).
 */
final class PredictiveSql {
    private PredictiveSql() {
    }

    /** When "days since last engaged" is measured: a closed lead when it closed, an open one at {@code now}. */
    private static String referenceAt(String alias, String now) {
        return ("coalesce(%1$s.converted_at, CASE WHEN %1$s.status = 'disqualified' THEN %1$s.updated_at END, "
                + "CAST(%2$s AS timestamptz))")
                .formatted(alias, now);
    }

    /**
     * The closed leads of workspace $1 created from $2 on, with their outcome ({@code won}) and their side of the
     * held-out split ({@code held_out}, $3 percent). Disqualified and converted leads are read apart and put together
     * (UNION ALL): an outer join from every lead to its deal would hash the disqualified leads' null deal ids into one
     * bucket, and PostgreSQL's hash join then splits batches without end (minutes at a million leads).
     */
    private static final String CLOSED = """
            SELECT l.*, false AS won, %1$s AS held_out
            FROM leads l
            WHERE l.workspace_id = $1 AND l.created_at >= $2 AND l.status = 'disqualified'
            UNION ALL
            SELECT l.*, s.is_won AS won, %1$s AS held_out
            FROM leads l
            JOIN opportunities o ON o.workspace_id = l.workspace_id AND o.id = l.converted_opportunity_id
            JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
            WHERE l.workspace_id = $1 AND l.created_at >= $2 AND l.status = 'converted' AND s.is_closed"""
            .formatted(HeldOut.sql("l.id", "$3"));

    /** The history in the window: closed, won, and how many of each fall on the training side. */
    static final String HISTORY = """
            SELECT count(*) AS closed, count(*) FILTER (WHERE c.won) AS won,
                   count(*) FILTER (WHERE NOT c.held_out) AS training,
                   count(*) FILTER (WHERE c.won AND NOT c.held_out) AS training_won
            FROM (%s) c""".formatted(CLOSED);

    /**
     * The frequency table of model $4 over fields $5: per field and value, the training leads won and lost; one
     * INSERT … SELECT … GROUP BY over the pairs. $6 is now. Returns the rows for the weights.
     */
    static final String COUNT = """
            INSERT INTO predictive_frequencies (workspace_id, model_id, field, value, won, lost)
            SELECT $1, $4, f.field, f.value, count(*) FILTER (WHERE c.won), count(*) FILTER (WHERE NOT c.won)
            FROM (%s) c
            CROSS JOIN LATERAL %s
            WHERE NOT c.held_out AND f.field = ANY($5)
            GROUP BY f.field, f.value
            RETURNING field, value, won, lost""".formatted(CLOSED, PredictiveField.pairs("c", referenceAt("c", "$6")));

    /**
     * Writes the weights ({@link NaiveBayes#weigh}) of model $2 from parallel arrays field, value, weight, and each
     * row's factor as leads show it: {@code {"field", "value", "weight"}}, the weight rounded to 3 decimals.
     */
    static final String WEIGH = """
            UPDATE predictive_frequencies p
            SET weight = w.weight,
                factor = jsonb_build_object('field', w.field, 'value', w.value,
                                            'weight', round(CAST(w.weight AS numeric), 3))
            FROM unnest($3::text[], $4::text[], $5::float8[]) AS w(field, value, weight)
            WHERE p.workspace_id = $1 AND p.model_id = $2 AND p.field = w.field AND p.value = w.value""";

    /** The probability of a win from the model's prior and a lead's summed weights ({@code e.evidence}). */
    private static final String PROBABILITY =
            "1 / (1 + exp(-greatest(-%1$s, least(%1$s, m.prior_log_odds + e.evidence))))".formatted(NaiveBayes.MAX_LOGIT);

    /**
     * The held-out leads of model $4 as a histogram: predicted probability (4 decimals) → won and lost leads, for
     * {@link ModelQuality}. $5 is now.
     */
    static final String HELD_OUT = """
            SELECT round(CAST(%s AS numeric), 4) AS probability,
                   count(*) FILTER (WHERE e.won) AS won, count(*) FILTER (WHERE NOT e.won) AS lost
            FROM (SELECT c.id, c.won, coalesce(sum(w.weight), 0) AS evidence
                  FROM (%s) c
                  CROSS JOIN LATERAL %s
                  LEFT JOIN predictive_frequencies w ON w.workspace_id = $1 AND w.model_id = $4
                                                   AND w.field = f.field AND w.value = f.value
                  WHERE c.held_out
                  GROUP BY c.id, c.won) e
            JOIN predictive_models m ON m.workspace_id = $1 AND m.id = $4
            GROUP BY 1 ORDER BY 1""".formatted(PROBABILITY, CLOSED, PredictiveField.pairs("c", referenceAt("c", "$5")));

    /**
     * Scores open leads of workspace $1 with the model chosen by {@code model} (a predicate on {@code predictive_models
     * pm}), at $2 (now): score, the top three positive and negative factors, the model and the time. {@code which} is
     * a predicate on the lead {@code t}. Leads that are closed (converted, disqualified: the status CHECK's other values)
     * keep the score they had. Both factor lists are ordered by
     * |weight| (largest first among positives is most negative first among negatives), so one sort of the group's
     * rows serves both aggregates.
     */
    private static String score(String model, String which) {
        return """
                WITH m AS (SELECT pm.id, pm.prior_log_odds FROM predictive_models pm WHERE pm.workspace_id = $1 AND %s),
                e AS (
                    SELECT t.id, coalesce(sum(w.weight), 0) AS evidence,
                           (array_agg(w.factor ORDER BY abs(w.weight) DESC, w.field COLLATE "C")
                               FILTER (WHERE w.weight > 0))[1:%d] AS positive,
                           (array_agg(w.factor ORDER BY abs(w.weight) DESC, w.field COLLATE "C")
                               FILTER (WHERE w.weight < 0))[1:%d] AS negative
                    FROM leads t
                    CROSS JOIN m
                    CROSS JOIN LATERAL %s
                    LEFT JOIN predictive_frequencies w ON w.workspace_id = $1 AND w.model_id = m.id
                                                     AND w.field = f.field AND w.value = f.value
                    WHERE t.workspace_id = $1 AND t.status IN ('new', 'working', 'nurturing', 'qualified') AND %s
                    GROUP BY t.id)
                UPDATE leads l
                SET predictive_score = CAST(floor(100 * %s + 0.5) AS smallint),
                    predictive_factors = jsonb_build_object('positive', coalesce(to_jsonb(e.positive), CAST('[]' AS jsonb)),
                                                            'negative', coalesce(to_jsonb(e.negative), CAST('[]' AS jsonb))),
                    predictive_model_id = m.id, predicted_at = $2
                FROM e CROSS JOIN m
                WHERE l.workspace_id = $1 AND l.id = e.id""".formatted(model, NaiveBayes.TOP_FACTORS,
                NaiveBayes.TOP_FACTORS, PredictiveField.pairs("t", "CAST($2 AS timestamptz)"), which, PROBABILITY);
    }

    /** Every open lead of workspace $1 with model $3, at $2: the training job's last step. */
    static final String SCORE_OPEN = score("pm.id = $3", "true");

    /** One lead ($3) of workspace $1 with the active model, at $2: score on write. Nothing without an active model. */
    static final String SCORE_ONE = score("pm.state = 'active'", "t.id = $3");

    /** The leads of array $3 of workspace $1 with the active model, at $2: a batch upsert's written leads. */
    static final String SCORE_IDS = score("pm.state = 'active'", "t.id = ANY(CAST($3 AS uuid[]))");
}
