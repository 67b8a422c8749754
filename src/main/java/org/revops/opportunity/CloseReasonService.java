package org.revops.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.opportunity.CloseReasonDtos.AppliesTo;
import org.revops.opportunity.CloseReasonDtos.CloseReasonInput;
import org.revops.opportunity.CloseReasonDtos.CloseReasonView;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Records;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Close reasons: workspace configuration that every key reads (to close deals) and admins change. A reason that
 * deals carry is never deleted (409; retire it with {@code active = false}), and its {@code appliesTo} cannot be
 * narrowed so that those deals' outcome no longer fits it.
 */
@ApplicationScoped
public class CloseReasonService {
    static final String SELECT = """
            SELECT r.id, r.name, r.applies_to, r.active, r.created_at, r.updated_at, r.version
            FROM close_reasons r""";

    public static final ListSpec LIST = ListSpec.builder("listCloseReasons", SELECT, "r.workspace_id", "r.id")
            .anyOf("id", ValueType.UUID_, "r.id", "Close reason id; repeat for several.")
            .single("active", ValueType.BOOLEAN, "r.active = ?", "Only active (true) or retired (false) reasons.")
            .anyOf("appliesTo", ValueType.TEXT, "r.applies_to", "`won`, `lost` or `both`; repeat for OR: "
                    + "`appliesTo=lost&appliesTo=both` lists every reason a lost deal may be given.")
            .single("q", ValueType.TEXT, "strpos(lower(r.name), lower(?)) > 0", "Name contains this text, any case.")
            .sort("name", "r.name", "name", ValueType.TEXT)
            .sort("createdAt", "r.created_at", "created_at", ValueType.TIMESTAMP)
            .build("name");

    /** How many deals carry a reason, by outcome. */
    private record Usage(long won, long lost) {
        long total() {
            return won + lost;
        }
    }

    private final Db db;
    private final MergePatch mergePatch;
    private final Clock clock;

    public CloseReasonService(Db db, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    /** A page of the workspace's close reasons (every role), filtered and sorted as {@link #LIST} declares. */
    public Uni<Slice<CloseReasonView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), SqlPredicate.NONE, request, CloseReasonService::toView);
    }

    /** One close reason of the caller's workspace; 404 otherwise. */
    public Uni<CloseReasonView> get(Caller caller, UUID id) {
        return db.query(SELECT + " WHERE r.workspace_id = $1 AND r.id = $2", Tuple.of(caller.workspaceId(), id))
                .map(rows -> Rows.single(rows, CloseReasonService::toView, "Close reason"));
    }

    /** Close reasons by id, aligned to {@code ids} (null where unknown): one statement. */
    public Uni<List<CloseReasonView>> byIds(Caller caller, List<UUID> ids) {
        return db.query(SELECT + " WHERE r.workspace_id = $1 AND r.id = ANY($2)",
                        Tuple.of(caller.workspaceId(), ids.toArray(UUID[]::new)))
                .map(rows -> Rows.alignById(rows, ids, CloseReasonService::toView));
    }

    /** Admin only; 409 when another reason has the same name, ignoring case. {@code active} defaults to true. */
    public Uni<CloseReasonView> create(Caller caller, CloseReasonInput input) {
        caller.requireAdmin();
        mergePatch.validate(input);
        UUID id = UUID.randomUUID();
        return Audited.transaction(() -> refuseDuplicateName(caller, id, input.name()).flatMap(unique -> {
                    CloseReason reason = new CloseReason();
                    reason.id = id;
                    reason.workspaceId = caller.workspaceId();
                    reason.createdAt = clock.instant();
                    apply(reason, input);
                    return reason.persist();
                }))
                .flatMap(saved -> get(caller, id));
    }

    /** Admin only. Renames are checked for duplicates; narrowing {@code appliesTo} against its deals is 409. */
    public Uni<CloseReasonView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        caller.requireAdmin();
        return Audited.transaction(() -> Records.load(CloseReason.class, caller, id, "Close reason")
                        .flatMap(reason -> {
                            Versions.check(expectedVersion, reason.version);
                            CloseReasonInput merged = mergePatch.apply(toInput(reason), patch, CloseReasonInput.class)
                                    .value();
                            return refuseDuplicateName(caller, id, merged.name())
                                    .flatMap(unique -> usage(caller, id))
                                    .map(usage -> {
                                        refuseNarrowing(merged.appliesTo(), usage);
                                        apply(reason, merged);
                                        return reason.id;
                                    });
                        }))
                .flatMap(reasonId -> get(caller, reasonId));
    }

    /** Admin only; 409 while deals carry the reason (retire it with {@code active: false} instead). */
    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        caller.requireAdmin();
        return Audited.transaction(() -> Records.load(CloseReason.class, caller, id, "Close reason")
                .flatMap(reason -> {
                    Versions.check(expectedVersion, reason.version);
                    return usage(caller, id).flatMap(usage -> {
                        if (usage.total() > 0) {
                            throw ApiProblem.conflict("The close reason is given on " + usage.total()
                                    + (usage.total() == 1 ? " deal" : " deals") + ": retire it with PATCH "
                                    + "{\"active\": false} instead of deleting it");
                        }
                        return reason.delete().call(() -> Panache.getSession().flatMap(s -> s.flush()));
                    });
                }));
    }

    private Uni<Boolean> refuseDuplicateName(Caller caller, UUID id, String name) {
        return db.query("SELECT 1 FROM close_reasons WHERE workspace_id = $1 AND lower(name) = lower($2) AND id <> $3",
                Tuple.of(caller.workspaceId(), name.trim(), id)).map(rows -> {
                    if (rows.size() > 0) {
                        throw ApiProblem.conflict("A close reason named '" + name.trim() + "' already exists");
                    }
                    return true;
                });
    }

    private Uni<Usage> usage(Caller caller, UUID id) {
        return db.query("""
                        SELECT count(*) FILTER (WHERE s.is_won) AS won, count(*) FILTER (WHERE NOT s.is_won) AS lost
                        FROM opportunities o
                        JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
                        WHERE o.workspace_id = $1 AND o.close_reason_id = $2""", Tuple.of(caller.workspaceId(), id))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Usage(row.getLong("won"), row.getLong("lost"));
                });
    }

    private static void refuseNarrowing(AppliesTo appliesTo, Usage usage) {
        if (!appliesTo.allows(true) && usage.won() > 0 || !appliesTo.allows(false) && usage.lost() > 0) {
            long misfits = appliesTo.allows(true) ? usage.lost() : usage.won();
            throw ApiProblem.conflict("appliesTo cannot become '" + appliesTo.value() + "': " + misfits
                    + (appliesTo.allows(true) ? " lost" : " won") + (misfits == 1 ? " deal carries" : " deals carry")
                    + " this reason");
        }
    }

    private void apply(CloseReason reason, CloseReasonInput in) {
        reason.name = in.name().trim();
        reason.appliesTo = in.appliesTo().value();
        reason.active = in.active() == null || in.active();
        reason.updatedAt = clock.instant();
    }

    private static CloseReasonInput toInput(CloseReason r) {
        return new CloseReasonInput(r.name, AppliesTo.of(r.appliesTo), r.active);
    }

    static CloseReasonView toView(Row row) {
        return new CloseReasonView(row.getUUID("id"), row.getString("name"), AppliesTo.of(row.getString("applies_to")),
                row.getBoolean("active"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"),
                row.getLong("version"));
    }
}
