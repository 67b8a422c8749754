package org.revops.lead.scoring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.revops.lead.scoring.ScoringDtos.ScoreReasonView;

import java.util.List;

/** Reasons as stored ({@code jsonb} arrays in leads.score_reasons and lead_scores.reasons), read back. */
public final class ScoreReasons {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ScoreReasonView>> LIST = new TypeReference<>() { };

    private ScoreReasons() {
    }

    /** The reasons of stored JSON text; an empty list for null (an unscored lead). */
    public static List<ScoreReasonView> parse(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, LIST);
        } catch (Exception e) {
            throw new IllegalStateException("stored score reasons do not read back", e);
        }
    }

    /** The same as a JSON tree, for records that pass it through unchanged (the lead's scoreReasons); null stays null. */
    public static JsonNode tree(Object jsonb) {
        if (jsonb == null) {
            return null;
        }
        try {
            return JSON.readTree(jsonb instanceof io.vertx.core.json.JsonArray array ? array.encode() : jsonb.toString());
        } catch (Exception e) {
            throw new IllegalStateException("stored score reasons do not read back", e);
        }
    }

    /** The reasons of a tree from {@link #tree}. */
    public static List<ScoreReasonView> of(JsonNode tree) {
        return tree == null ? List.of() : JSON.convertValue(tree, LIST);
    }
}
