package org.revops.forecast;

import org.revops.forecast.ForecastScope.Type;
import org.revops.opportunity.ForecastCategory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The numbers of one scope in one period as a snapshot keeps them: per category as computed (Closed, Commit, BestCase,
 * Pipeline, each on its own) and as adjusted, the open deals' weighted amount (Σ amount × probability ÷ 100 over
 * Pipeline, BestCase and Commit) and count, and the quota. Pure: no Quarkus, no database.
 */
public record ForecastSnapshot(Type scopeType, UUID scopeId, ForecastPeriod period, String currency,
                               BigDecimal closed, BigDecimal commit, BigDecimal bestCase, BigDecimal pipeline,
                               BigDecimal adjustedCommit, BigDecimal adjustedBestCase, BigDecimal adjustedPipeline,
                               BigDecimal weightedPipeline, int openCount, BigDecimal quota) {
    private static final List<ForecastCategory> OPEN =
            List.of(ForecastCategory.Pipeline, ForecastCategory.BestCase, ForecastCategory.Commit);

    /** The snapshot of one node of a book. */
    public static ForecastSnapshot of(Type type, UUID id, ForecastPeriod period, String currency, ForecastFigures f) {
        BigDecimal weighted = BigDecimal.ZERO;
        long open = 0;
        for (ForecastCategory category : OPEN) {
            weighted = weighted.add(f.computed(category).weighted());
            open += f.computed(category).count();
        }
        return new ForecastSnapshot(type, id, period, currency, f.computed(ForecastCategory.Closed).amount(),
                f.computed(ForecastCategory.Commit).amount(), f.computed(ForecastCategory.BestCase).amount(),
                f.computed(ForecastCategory.Pipeline).amount(), f.adjusted(ForecastCategory.Commit),
                f.adjusted(ForecastCategory.BestCase), f.adjusted(ForecastCategory.Pipeline), weighted, (int) open,
                f.quota());
    }

    /**
     * Every scope of a workspace-scope book: the workspace (id {@code workspaceId}), every user with the team below,
     * and every territory the book rolled up (the active model's, with a territory breakdown).
     */
    public static List<ForecastSnapshot> everyScope(UUID workspaceId, ForecastBook book) {
        List<ForecastSnapshot> out = new ArrayList<>();
        out.add(of(Type.workspace, workspaceId, book.period(), book.currency(), book.total()));
        for (Map.Entry<UUID, ForecastFigures> user : book.users().entrySet()) {
            out.add(of(Type.user, user.getKey(), book.period(), book.currency(), user.getValue()));
        }
        for (Map.Entry<UUID, ForecastFigures> territory : book.territories().entrySet()) {
            out.add(of(Type.territory, territory.getKey(), book.period(), book.currency(), territory.getValue()));
        }
        return out;
    }
}
