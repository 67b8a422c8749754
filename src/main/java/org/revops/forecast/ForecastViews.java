package org.revops.forecast;

import org.revops.forecast.ForecastDtos.BreakdownRow;
import org.revops.forecast.ForecastDtos.Breakdowns;
import org.revops.forecast.ForecastDtos.FiguresView;
import org.revops.forecast.ForecastDtos.PeriodRef;
import org.revops.forecast.ForecastDtos.RollupView;
import org.revops.forecast.ForecastDtos.ScopeView;
import org.revops.forecast.ForecastDtos.UnconvertedView;
import org.revops.forecast.ForecastQueries.Grouping;
import org.revops.forecast.ForecastScope.Type;
import org.revops.forecast.ForecastService.Breakdown;
import org.revops.opportunity.ForecastCategory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns a rolled-up {@link ForecastBook} into the roll-up response and its breakdowns. */
final class ForecastViews {
    private ForecastViews() {
    }

    /** A stage as breakdowns name it, in pipeline and stage order. */
    record StageName(UUID id, String name) {
    }

    static RollupView rollup(ForecastBook book, EnumSet<Breakdown> breakdowns, List<StageName> stages) {
        ForecastScope scope = book.scope();
        Breakdowns parts = new Breakdowns(
                breakdowns.contains(Breakdown.user) ? users(book) : null,
                breakdowns.contains(Breakdown.territory) ? territories(book) : null,
                breakdowns.contains(Breakdown.stage) ? stages(book, stages) : null,
                breakdowns.contains(Breakdown.month) ? months(book) : null);
        return new RollupView(PeriodRef.of(book.period()),
                new ScopeView(scope.type().name(), scope.id().toString(), book.scopeName()), book.currency(),
                FiguresView.of(book.total()),
                book.unconverted().stream().map(u -> new UnconvertedView(u.currency(), u.deals(),
                        ForecastDtos.money(u.amount()))).toList(), parts, book.asOf());
    }

    /** The direct reports of the scope user (each with their team) and the user's own deals; top users for the workspace. */
    private static List<BreakdownRow> users(ForecastBook book) {
        List<BreakdownRow> rows = new ArrayList<>();
        List<UUID> children = book.scope().type() == Type.workspace ? book.userTree().roots()
                : book.userTree().children(book.scope().id());
        if (book.scope().type() == Type.user) {
            Map<ForecastCategory, CategoryAmounts> own =
                    book.facts().<UUID>by(Grouping.OWNER).getOrDefault(book.scope().id(), Map.of());
            rows.add(new BreakdownRow("own", book.scope().id().toString(), book.scopeName(),
                    FiguresView.of(ForecastFigures.of(own))));
        }
        children.stream().sorted(Comparator.comparing(id -> book.names().getOrDefault(id, "")))
                .forEach(id -> rows.add(new BreakdownRow("user", id.toString(), book.names().get(id),
                        FiguresView.of(book.users().get(id)))));
        return rows;
    }

    /** Child territories (each with its subtree), the territory's own deals, or for the workspace the top territories
     * of the active model and the deals without a territory. */
    private static List<BreakdownRow> territories(ForecastBook book) {
        List<BreakdownRow> rows = new ArrayList<>();
        Map<Object, Map<ForecastCategory, CategoryAmounts>> byTerritory = book.facts().by(Grouping.TERRITORY);
        List<UUID> children;
        if (book.scope().type() == Type.territory) {
            children = book.territoryTree().children(book.scope().id());
            rows.add(new BreakdownRow("own", book.scope().id().toString(), book.scopeName(),
                    FiguresView.of(ForecastFigures.of(byTerritory.getOrDefault(book.scope().id(), Map.of())))));
        } else {
            children = book.territoryTree().roots();
        }
        children.stream().sorted(Comparator.comparing(id -> book.names().getOrDefault(id, "")))
                .forEach(id -> rows.add(new BreakdownRow("territory", id.toString(), book.names().get(id),
                        FiguresView.of(book.territories().get(id)))));
        if (book.scope().type() == Type.workspace) {
            // deals of no territory, or of a territory outside the active model
            Map<ForecastCategory, CategoryAmounts> rest = new java.util.EnumMap<>(ForecastCategory.class);
            byTerritory.forEach((key, amounts) -> {
                if (!(key instanceof UUID id) || !book.territoryTree().contains(id)) {
                    amounts.forEach((c, a) -> rest.merge(c, a, CategoryAmounts::plus));
                }
            });
            rows.add(new BreakdownRow("unassigned", null, "No territory", FiguresView.of(ForecastFigures.of(rest))));
        }
        return rows;
    }

    private static List<BreakdownRow> stages(ForecastBook book, List<StageName> stages) {
        Map<UUID, Map<ForecastCategory, CategoryAmounts>> byStage = book.facts().by(Grouping.STAGE);
        return stages.stream().filter(s -> byStage.containsKey(s.id()))
                .map(s -> new BreakdownRow("stage", s.id().toString(), s.name(),
                        FiguresView.of(ForecastFigures.of(byStage.get(s.id()))))).toList();
    }

    /** Every calendar month of the period, empty ones too, so a chart has all its bars. */
    private static List<BreakdownRow> months(ForecastBook book) {
        Map<String, Map<ForecastCategory, CategoryAmounts>> byMonth = book.facts().by(Grouping.MONTH);
        Map<String, BreakdownRow> rows = new LinkedHashMap<>();
        for (var month = java.time.YearMonth.from(book.period().start());
             month.atDay(1).isBefore(book.period().end()); month = month.plusMonths(1)) {
            String id = month.toString();
            rows.put(id, new BreakdownRow("month", id, id,
                    FiguresView.of(ForecastFigures.of(byMonth.getOrDefault(id, Map.of())))));
        }
        return List.copyOf(rows.values());
    }
}
