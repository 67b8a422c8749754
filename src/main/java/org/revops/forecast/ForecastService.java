package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.forecast.ForecastQueries.Grouping;
import org.revops.forecast.ForecastQueries.ScopeFilter;
import org.revops.forecast.ForecastScope.Type;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Forecast roll-ups: the deals of a period summed per forecast category for a scope (the workspace, a user and the
 * team below, a territory subtree), in the workspace currency, beside quotas and people's adjustments (see
 * {@link ForecastTree} for how numbers roll up and {@link ForecastFigures} for the derived views). Who sees what:
 * admin, integration and read-only keys any scope; a manager their own team's users and any territory; a rep only
 * their own numbers.
 */
@ApplicationScoped
public class ForecastService {
    /** What a roll-up may be broken down by. */
    public enum Breakdown { user, territory, stage, month }

    private final Db db;
    private final Clock clock;

    public ForecastService(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The roll-up response of {@code periodId} for {@code scopeText} broken down by {@code breakdownText}
     * (comma-separated or repeated {@link Breakdown} names; 400 for others), as the pipeline stood at the end of
     * {@code asOfText} (an ISO date; live when absent, today or later; see {@link PointInTime}).
     */
    public Uni<ForecastDtos.RollupView> rollup(Caller caller, String periodId, String scopeText,
                                               List<String> breakdownText, String asOfText) {
        EnumSet<Breakdown> breakdowns = parseBreakdowns(breakdownText);
        LocalDate asOf = PointInTime.parse(asOfText, clock, "asOf");
        return book(caller, periodId, scopeText, breakdowns, asOf).flatMap(book -> {
            if (!breakdowns.contains(Breakdown.stage)) {
                return Uni.createFrom().item(ForecastViews.rollup(book, breakdowns, List.of()));
            }
            return db.query(ForecastQueries.STAGES, Tuple.of(caller.workspaceId())).map(rows -> {
                List<ForecastViews.StageName> stages = new ArrayList<>();
                rows.forEach(row -> stages.add(new ForecastViews.StageName(row.getUUID("id"),
                        row.getString("pipeline") + " / " + row.getString("name"))));
                return ForecastViews.rollup(book, breakdowns, stages);
            });
        });
    }

    /**
     * The flat export of a period: one row per user in the scope (each with the team below; every user for the
     * workspace) or per territory in a territory scope's subtree, parents before children, siblings by name.
     */
    public Uni<ForecastDtos.ExportView> export(Caller caller, String periodId, String scopeText) {
        return book(caller, periodId, scopeText, EnumSet.noneOf(Breakdown.class)).map(book -> {
            boolean territory = book.scope().type() == Type.territory;
            ForecastTree tree = territory ? book.territoryTree() : book.userTree();
            Map<UUID, ForecastFigures> figures = territory ? book.territories() : book.users();
            List<UUID> roots = book.scope().type() == Type.workspace ? tree.roots() : List.of(book.scope().id());
            List<ForecastExportRow> rows = new ArrayList<>();
            for (UUID root : sortedByName(roots, book.names())) {
                addRows(rows, book, tree, figures, root, null, 0, territory ? "territory" : "user");
            }
            return new ForecastDtos.ExportView(ForecastDtos.PeriodRef.of(book.period()),
                    new ForecastDtos.ScopeView(book.scope().type().name(), book.scope().id().toString(),
                            book.scopeName()), book.currency(), rows);
        });
    }

    private static void addRows(List<ForecastExportRow> rows, ForecastBook book, ForecastTree tree,
                                Map<UUID, ForecastFigures> figures, UUID id, UUID parent, int depth, String kind) {
        rows.add(ForecastExportRow.of(book.period(), kind, id, book.names().get(id), parent, depth, book.currency(),
                figures.get(id)));
        for (UUID child : sortedByName(tree.children(id), book.names())) {
            addRows(rows, book, tree, figures, child, id, depth + 1, kind);
        }
    }

    private static List<UUID> sortedByName(List<UUID> ids, Map<UUID, String> names) {
        return ids.stream().sorted(java.util.Comparator.comparing((UUID id) -> names.getOrDefault(id, ""))
                .thenComparing(UUID::toString)).toList();
    }

    static EnumSet<Breakdown> parseBreakdowns(List<String> values) {
        EnumSet<Breakdown> out = EnumSet.noneOf(Breakdown.class);
        if (values == null) {
            return out;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                String name = part.trim();
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    out.add(Breakdown.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.badRequest("breakdown", "unknown breakdown '" + name
                            + "': use user, territory, stage or month");
                }
            }
        }
        return out;
    }

    /** The calendar and currency of the caller's workspace: as authentication read them, else read now. */
    public Uni<Settings> settings(Caller caller) {
        if (caller.workspace() != null) {
            return Uni.createFrom().item(new Settings(new FiscalCalendar(caller.workspace().fiscalYearStartMonth()),
                    caller.workspace().currency()));
        }
        return db.query(ForecastQueries.SETTINGS, Tuple.of(caller.workspaceId())).map(rows -> {
            Row row = rows.iterator().next();
            return new Settings(new FiscalCalendar(row.getInteger("fiscal_year_start_month")), row.getString("currency"));
        });
    }

    public record Settings(FiscalCalendar calendar, String currency) {
    }

    /**
     * The roll-up of {@code periodId} (request parameter {@code period}) for {@code scopeText} (parameter
     * {@code scope}; the caller's own when absent), computed over what {@code breakdowns} need.
     */
    public Uni<ForecastBook> book(Caller caller, String periodId, String scopeText, EnumSet<Breakdown> breakdowns) {
        return book(caller, periodId, scopeText, breakdowns, null);
    }

    /** As {@link #book(Caller, String, String, EnumSet)} as the pipeline stood at the end of {@code asOf} (null: live). */
    public Uni<ForecastBook> book(Caller caller, String periodId, String scopeText, EnumSet<Breakdown> breakdowns,
                                  LocalDate asOf) {
        ForecastScope scope = ForecastScope.parse(scopeText, caller, "scope");
        if (periodId == null || periodId.isBlank()) {
            throw ApiProblem.badRequest("period", "is required: a fiscal period such as 2026-Q4, 2026-11 or FY2027");
        }
        requireBreakdownsFit(scope, breakdowns);
        requireRoleFor(caller, scope);
        return settings(caller).flatMap(settings -> {
            ForecastPeriod period = ForecastPeriodService.parse(settings.calendar(), periodId.trim(), "period");
            return book(caller, settings.currency(), period, scope, breakdowns, asOf);
        });
    }

    /** As {@link #book(Caller, String, String, EnumSet)} for a parsed period and scope. */
    public Uni<ForecastBook> book(Caller caller, String currency, ForecastPeriod period, ForecastScope scope,
                                  EnumSet<Breakdown> breakdowns) {
        return book(caller, currency, period, scope, breakdowns, null);
    }

    /** As {@link #book(Caller, String, ForecastPeriod, ForecastScope, EnumSet)} at the end of {@code asOf} (null: live). */
    public Uni<ForecastBook> book(Caller caller, String currency, ForecastPeriod period, ForecastScope scope,
                                  EnumSet<Breakdown> breakdowns, LocalDate asOf) {
        requireBreakdownsFit(scope, breakdowns);
        requireRoleFor(caller, scope);
        Uni<Hierarchy> people = hierarchy(caller, scope, breakdowns);
        if (!seenWhateverTheHierarchy(caller, scope)) {
            // whether a manager's sight reaches the user, or which territories a subtree covers, takes the trees
            return people.flatMap(hierarchy -> {
                List<UUID> covered = checkScope(caller, scope, hierarchy.users(), hierarchy.territories());
                return load(caller, currency, period, scope, breakdowns, covered, asOf)
                        .map(loaded -> assemble(currency, period, scope, hierarchy, loaded, asOf));
            });
        }
        // the people and the numbers load together, in one round trip; the trees still tell an unknown user (404)
        return Uni.combine().all().unis(people, load(caller, currency, period, scope, breakdowns, List.of(), asOf))
                .asTuple().map(loaded -> {
                    Hierarchy hierarchy = loaded.getItem1();
                    checkScope(caller, scope, hierarchy.users(), hierarchy.territories());
                    return assemble(currency, period, scope, hierarchy, loaded.getItem2(), asOf);
                });
    }

    /**
     * Whether the caller may see the scope whoever is in it: the workspace (for the roles {@link #requireRoleFor} lets
     * ask), their own team, or any user's for roles that see the whole workspace. Territory scopes read their
     * subtree's ids before their numbers.
     */
    private static boolean seenWhateverTheHierarchy(Caller caller, ForecastScope scope) {
        return switch (scope.type()) {
            case workspace -> true;
            case user -> caller.role().seesWholeWorkspace() || scope.id().equals(caller.userId());
            case territory -> false;
        };
    }

    /**
     * The user tree (for a user scope: the user, those below and the managers above; else everyone), the territory
     * tree (when the scope or a breakdown needs it) and their names.
     */
    private record Hierarchy(ForecastTree users, ForecastTree territories, Map<UUID, String> names) {
    }

    private Uni<Hierarchy> hierarchy(Caller caller, ForecastScope scope, EnumSet<Breakdown> breakdowns) {
        boolean territories = scope.type() == Type.territory || breakdowns.contains(Breakdown.territory);
        Uni<RowSet<Row>> territoryRows = territories
                ? db.query(ForecastQueries.TERRITORIES, Tuple.of(caller.workspaceId(),
                scope.type() == Type.territory ? scope.id() : null))
                : Uni.createFrom().nullItem();
        Uni<RowSet<Row>> userRows = scope.type() == Type.user
                ? db.query(ForecastQueries.SCOPE_USERS, Tuple.of(caller.workspaceId(), scope.id()))
                : db.query(ForecastQueries.USERS, Tuple.of(caller.workspaceId()));
        return Uni.combine().all().unis(userRows, territoryRows)
                .asTuple().map(loaded -> {
                    Map<UUID, String> names = new HashMap<>();
                    ForecastTree userTree = tree(loaded.getItem1(), "manager_id", names);
                    ForecastTree territoryTree = loaded.getItem2() == null ? new ForecastTree(List.of())
                            : tree(loaded.getItem2(), "parent_id", names);
                    return new Hierarchy(userTree, territoryTree, names);
                });
    }

    private static void requireBreakdownsFit(ForecastScope scope, EnumSet<Breakdown> breakdowns) {
        if (breakdowns.contains(Breakdown.user) && scope.type() == Type.territory) {
            throw ApiProblem.badRequest("breakdown", "user breaks down user and workspace scopes; use territory");
        }
        if (breakdowns.contains(Breakdown.territory) && scope.type() == Type.user) {
            throw ApiProblem.badRequest("breakdown", "territory breaks down territory and workspace scopes; use user");
        }
    }

    /** The users (owners) or territories a rolled-up book's scope covers; empty for the workspace. */
    static List<UUID> scopeIds(Caller caller, ForecastBook book) {
        return checkScope(caller, book.scope(), book.userTree(), book.territoryTree());
    }

    /**
     * The scope {@code scopeText} names (parameter {@code scope}; the caller's own when absent), checked as a roll-up
     * checks it (400 unparsable, 404 unknown user or territory, 403 outside the caller's sight) without computing one.
     */
    public Uni<ForecastScope> checkScope(Caller caller, String scopeText) {
        ForecastScope scope = ForecastScope.parse(scopeText, caller, "scope");
        requireRoleFor(caller, scope);
        return hierarchy(caller, scope, EnumSet.noneOf(Breakdown.class)).map(hierarchy -> {
            checkScope(caller, scope, hierarchy.users(), hierarchy.territories());
            return scope;
        });
    }

    /** 403 for the scopes the caller's role never sees, before anything is loaded. */
    private static void requireRoleFor(Caller caller, ForecastScope scope) {
        if (scope.type() == Type.workspace && !caller.role().seesWholeWorkspace()) {
            throw ApiProblem.forbidden("Only admin, integration and read-only keys see the workspace's forecast; "
                    + "ask for scope=me");
        }
        if (scope.type() == Type.territory && caller.role() == Role.REP) {
            throw ApiProblem.forbidden("A rep sees only their own forecast (scope=me)");
        }
    }

    /** 404 for a user or territory not in the workspace, 403 outside the caller's sight; the ids the scope covers. */
    static List<UUID> checkScope(Caller caller, ForecastScope scope, ForecastTree users, ForecastTree territories) {
        return switch (scope.type()) {
            case workspace -> List.of();
            case territory -> {
                if (!territories.contains(scope.id())) {
                    throw ApiProblem.notFound("Territory");
                }
                yield territories.subtree(scope.id());
            }
            case user -> {
                if (!users.contains(scope.id())) {
                    throw ApiProblem.notFound("User");
                }
                boolean allowed = caller.role().seesWholeWorkspace()
                        || caller.role() == Role.MANAGER && users.subtree(caller.userId()).contains(scope.id())
                        || scope.id().equals(caller.userId());
                if (!allowed) {
                    throw ApiProblem.forbidden(caller.role() == Role.MANAGER
                            ? "A manager sees the forecasts of their own team only"
                            : "A rep sees only their own forecast (scope=me)");
                }
                yield users.subtree(scope.id());
            }
        };
    }

    private record FactsAndPlans(ForecastFacts facts, Map<UUID, BigDecimal> userQuotas,
                                 Map<UUID, BigDecimal> territoryQuotas, List<Row> adjustments) {
    }

    /**
     * The numbers of the scope: deals, quotas, adjustments. A territory scope's numbers are those of
     * {@code territoryIds} (its subtree, read from the tree first); a user scope's team is walked in SQL.
     */
    private Uni<FactsAndPlans> load(Caller caller, String currency, ForecastPeriod period, ForecastScope scope,
                                    EnumSet<Breakdown> breakdowns, List<UUID> territoryIds, LocalDate asOf) {
        EnumSet<Grouping> groupings = EnumSet.noneOf(Grouping.class);
        groupings.add(scope.type() == Type.territory ? Grouping.TERRITORY : Grouping.OWNER);
        if (breakdowns.contains(Breakdown.territory)) {
            groupings.add(Grouping.TERRITORY);
        }
        if (breakdowns.contains(Breakdown.stage)) {
            groupings.add(Grouping.STAGE);
        }
        if (breakdowns.contains(Breakdown.month)) {
            groupings.add(Grouping.MONTH);
        }
        ScopeFilter filter = switch (scope.type()) {
            case workspace -> ScopeFilter.NONE;
            case user -> ScopeFilter.TEAM;
            case territory -> ScopeFilter.TERRITORIES;
        };
        Tuple args = Tuple.of(caller.workspaceId(), currency, period.start(), period.end());
        switch (filter) {
            case TEAM -> args.addUUID(scope.id());
            case TERRITORIES -> args.addArrayOfUUID(territoryIds.toArray(UUID[]::new));
            case NONE -> { }
        }
        if (asOf != null) {
            args.addValue(PointInTime.endOf(asOf));
        }
        // facts keep no territory: territory scopes and breakdowns read the deals themselves
        ForecastQueries.Source source = groupings.contains(Grouping.TERRITORY)
                ? ForecastQueries.Source.DEALS : ForecastQueries.Source.FACTS;
        String factsSql = asOf == null
                ? ForecastQueries.facts(groupings, filter, source) : ForecastQueries.factsAsOf(groupings, filter);
        // a team's deals: one generic plan (an index scan per owner) serves teams of any size about as well as plans
        // made for each (psql over bench-forecast's data: 0.8 vs 1.3 ms for 11 owners, 8.1 vs 8.2 ms for 111, 44 vs
        // 40 ms for all 576), and planning a small team's statement cost as much as running it
        Uni<RowSet<Row>> facts = filter == ScopeFilter.TEAM && asOf == null
                ? db.queryKeptPrepared(factsSql, args) : db.queryPlannedPerExecution(factsSql, args);
        Uni<RowSet<Row>> quotas = switch (filter) {
            case NONE -> db.query(ForecastQueries.QUOTAS, Tuple.of(caller.workspaceId(), period.id()));
            case TEAM -> db.query(ForecastQueries.TEAM_QUOTAS, Tuple.of(caller.workspaceId(), period.id(), scope.id()));
            case TERRITORIES -> db.query(ForecastQueries.TERRITORY_QUOTAS, Tuple.of(caller.workspaceId(), period.id(),
                    territoryIds.toArray(UUID[]::new)));
        };
        // adjustments are not kept as of a date: a past roll-up shows adjusted = computed
        Uni<RowSet<Row>> adjustments = scope.type() == Type.territory || asOf != null ? Uni.createFrom().nullItem()
                : db.query(ForecastQueries.ADJUSTMENTS, Tuple.of(caller.workspaceId(), period.id()));
        return Uni.combine().all().unis(facts, quotas, adjustments).asTuple().map(t -> {
            ForecastFacts aggregated = new ForecastFacts(groupings);
            t.getItem1().forEach(aggregated::add);
            Map<UUID, BigDecimal> userQuotas = new HashMap<>();
            Map<UUID, BigDecimal> territoryQuotas = new HashMap<>();
            for (Row row : t.getItem2()) {
                if (row.getUUID("user_id") != null) {
                    userQuotas.put(row.getUUID("user_id"), row.getBigDecimal("amount"));
                } else {
                    territoryQuotas.put(row.getUUID("territory_id"), row.getBigDecimal("amount"));
                }
            }
            List<Row> adjustmentRows = new ArrayList<>();
            if (t.getItem3() != null) {
                t.getItem3().forEach(adjustmentRows::add);
            }
            return new FactsAndPlans(aggregated, userQuotas, territoryQuotas, adjustmentRows);
        });
    }

    private static ForecastBook assemble(String currency, ForecastPeriod period, ForecastScope scope,
                                         Hierarchy hierarchy, FactsAndPlans loaded, LocalDate asOf) {
        Map<UUID, String> names = hierarchy.names();
        ForecastTree userTree = hierarchy.users();
        ForecastTree territoryTree = hierarchy.territories();
        ForecastFacts facts = loaded.facts();
        Map<UUID, ForecastFigures> users = Map.of();
        Map<UUID, ForecastFigures> territories = Map.of();
        if (scope.type() != Type.territory) {
            // a user scope needs its own subtree only, not the whole organisation's figures
            users = userTree.rollUp(scope.type() == Type.user ? List.of(scope.id()) : userTree.roots(),
                    facts.by(Grouping.OWNER), loaded.userQuotas(),
                    ForecastAdjustments.effective(loaded.adjustments()));
        }
        if (scope.type() == Type.territory || !territoryTree.roots().isEmpty()) {
            territories = territoryTree.rollUp(facts.by(Grouping.TERRITORY), loaded.territoryQuotas(), Map.of());
        }
        ForecastFigures total = switch (scope.type()) {
            case user -> users.get(scope.id());
            case territory -> territories.get(scope.id());
            case workspace -> ForecastTree.sum(userTree.roots().stream().map(users::get).toList());
        };
        String scopeName = scope.type() == Type.workspace ? "Workspace" : names.get(scope.id());
        return new ForecastBook(period, currency, scope, scopeName, total,
                facts.unconverted(scope.type() == Type.territory ? Grouping.TERRITORY : Grouping.OWNER),
                userTree, users, territoryTree, territories, names, facts, asOf);
    }

    private static ForecastTree tree(RowSet<Row> rows, String parentColumn, Map<UUID, String> names) {
        List<ForecastTree.Node> nodes = new ArrayList<>();
        for (Row row : rows) {
            nodes.add(new ForecastTree.Node(row.getUUID("id"), row.getUUID(parentColumn)));
            names.put(row.getUUID("id"), row.getString("name"));
        }
        return new ForecastTree(nodes);
    }
}
