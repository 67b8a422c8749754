package org.revops.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import org.revops.forecast.ExchangeRateDtos.ExchangeRateInput;
import org.revops.forecast.ExchangeRateDtos.ExchangeRateUpsertView;
import org.revops.forecast.ExchangeRateDtos.ExchangeRateView;
import org.revops.forecast.ExchangeRateDtos.ExchangeRateWrite;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.error.Problems;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Dated exchange rates into the workspace currency: workspace configuration that every role reads (forecast roll-ups
 * convert with them in SQL) and admins change, one by one or as a batch of up to {@link ExchangeRateDtos#MAX_UPSERT}.
 * The workspace currency itself has no rows: its rate is always 1.
 */
@ApplicationScoped
public class ExchangeRateService {
    static final String SELECT = """
            SELECT e.id, e.currency, e.effective_date, e.rate, w.currency AS base_currency, e.created_at, e.updated_at,
                   e.version
            FROM exchange_rates e JOIN workspaces w ON w.id = e.workspace_id""";

    public static final ListSpec LIST = ListSpec.builder("listExchangeRates", SELECT, "e.workspace_id", "e.id")
            .anyOf("currency", ValueType.TEXT, "e.currency", "ISO 4217 code (USD); repeat for several.")
            .single("from", ValueType.DATE, "e.effective_date >= ?", "Rates effective on or after this date.")
            .single("to", ValueType.DATE, "e.effective_date <= ?", "Rates effective on or before this date.")
            .sort("effectiveDate", "e.effective_date", "effective_date", ValueType.DATE)
            .sort("currency", "e.currency", "currency", ValueType.TEXT)
            .build("effectiveDate", "currency");

    /**
     * The whole batch in one statement. {@code before} reads the rows as they were (every CTE shares the statement's
     * snapshot), so each item can say whether it created, changed or merely confirmed a rate; an unchanged rate keeps
     * its version and updatedAt. Rows are inserted in key order so that two concurrent batches lock in the same order.
     */
    private static final String UPSERT = """
            WITH input AS (
                SELECT i.currency, i.effective_date, i.rate, i.ord
                FROM unnest($3::text[], $4::date[], $5::numeric[]) WITH ORDINALITY AS i(currency, effective_date, rate, ord)
            ), before AS (
                SELECT e.currency, e.effective_date, e.rate
                FROM exchange_rates e JOIN input i ON e.currency = i.currency AND e.effective_date = i.effective_date
                WHERE e.workspace_id = $1
            ), written AS (
                INSERT INTO exchange_rates AS e (workspace_id, id, currency, effective_date, rate, created_at, updated_at)
                SELECT $1, gen_random_uuid(), i.currency, i.effective_date, i.rate, $2, $2
                FROM input i ORDER BY i.currency, i.effective_date
                ON CONFLICT ON CONSTRAINT exchange_rates_day_uq DO UPDATE
                SET rate = excluded.rate,
                    updated_at = CASE WHEN e.rate = excluded.rate THEN e.updated_at ELSE excluded.updated_at END,
                    version = e.version + CASE WHEN e.rate = excluded.rate THEN 0 ELSE 1 END
                RETURNING e.id, e.currency, e.effective_date, e.rate, e.created_at, e.updated_at, e.version
            )
            SELECT w.id, w.currency, w.effective_date, w.rate, ws.currency AS base_currency, w.created_at, w.updated_at,
                   w.version,
                   CASE WHEN b.currency IS NULL THEN 'created' WHEN b.rate = w.rate THEN 'unchanged' ELSE 'updated' END
                       AS result
            FROM input i
            JOIN written w ON w.currency = i.currency AND w.effective_date = i.effective_date
            LEFT JOIN before b ON b.currency = i.currency AND b.effective_date = i.effective_date
            JOIN workspaces ws ON ws.id = $1
            ORDER BY i.ord""";

    private final Db db;
    private final MergePatch mergePatch;
    private final Validator validator;
    private final Clock clock;

    public ExchangeRateService(Db db, MergePatch mergePatch, Validator validator, Clock clock) {
        this.db = db;
        this.mergePatch = mergePatch;
        this.validator = validator;
        this.clock = clock;
    }

    /** A page of the workspace's rates (every role), filtered and sorted as {@link #LIST} declares. */
    public Uni<Slice<ExchangeRateView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), SqlPredicate.NONE, request, ExchangeRateService::toView);
    }

    /** One rate of the caller's workspace; 404 otherwise. */
    public Uni<ExchangeRateView> get(Caller caller, UUID id) {
        return db.query(SELECT + " WHERE e.workspace_id = $1 AND e.id = $2", Tuple.of(caller.workspaceId(), id))
                .map(rows -> Rows.single(rows, ExchangeRateService::toView, "Exchange rate"));
    }

    /** Admin only; 422 for the workspace's own currency, 409 when the currency already has a rate on that day. */
    public Uni<ExchangeRateView> create(Caller caller, ExchangeRateInput input) {
        caller.requireAdmin();
        mergePatch.validate(input);
        // the unique constraint stays the guard against a concurrent create; this names the field meanwhile
        return db.query("""
                        SELECT w.currency, EXISTS (SELECT 1 FROM exchange_rates e WHERE e.workspace_id = w.id
                               AND e.currency = $2 AND e.effective_date = $3) AS taken
                        FROM workspaces w WHERE w.id = $1""",
                        Tuple.of(caller.workspaceId(), input.currency(), input.effectiveDate()))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    if (input.currency().equals(row.getString("currency"))) {
                        throw ApiProblem.invalid("currency", ownCurrency(row.getString("currency")));
                    }
                    if (row.getBoolean("taken")) {
                        throw ApiProblem.conflict("effectiveDate", input.currency() + " already has a rate on "
                                + input.effectiveDate() + ": PATCH that one, or PUT the batch to replace it");
                    }
                    return Audited.transaction(() -> {
                        ExchangeRate rate = new ExchangeRate();
                        rate.id = UUID.randomUUID();
                        rate.workspaceId = caller.workspaceId();
                        rate.currency = input.currency();
                        rate.effectiveDate = input.effectiveDate();
                        rate.rate = input.rate();
                        rate.createdAt = clock.instant();
                        rate.updatedAt = rate.createdAt;
                        return rate.persist().map(saved -> rate.id);
                    });
                })
                .flatMap(id -> get(caller, id));
    }

    /**
     * Admin only. Merge patch of the rate; the currency and the day are the rate's identity (422 if changed: delete
     * it and create another). The same rate again changes nothing, not even the version.
     */
    public Uni<ExchangeRateView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        caller.requireAdmin();
        return Audited.transaction(() -> Records.load(ExchangeRate.class, caller, id, "Exchange rate")
                        .map(rate -> {
                            Versions.check(expectedVersion, rate.version);
                            ExchangeRateInput merged = mergePatch.apply(new ExchangeRateInput(rate.currency,
                                    rate.effectiveDate, rate.rate), patch, ExchangeRateInput.class).value();
                            List<FieldError> errors = new ArrayList<>();
                            if (!Objects.equals(merged.currency(), rate.currency)) {
                                errors.add(new FieldError("currency", "cannot change: delete the rate and create another"));
                            }
                            if (!Objects.equals(merged.effectiveDate(), rate.effectiveDate)) {
                                errors.add(new FieldError("effectiveDate",
                                        "cannot change: delete the rate and create another"));
                            }
                            if (!errors.isEmpty()) {
                                throw ApiProblem.invalid(errors);
                            }
                            if (merged.rate().compareTo(rate.rate) != 0) {
                                rate.rate = merged.rate();
                                rate.updatedAt = clock.instant();
                            }
                            return rate.id;
                        }))
                .flatMap(rateId -> get(caller, rateId));
    }

    /** Admin only. */
    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        caller.requireAdmin();
        return Audited.transaction(() -> Records.load(ExchangeRate.class, caller, id, "Exchange rate")
                .flatMap(rate -> {
                    Versions.check(expectedVersion, rate.version);
                    return rate.delete().call(() -> Panache.getSession().flatMap(s -> s.flush()));
                }));
    }

    /**
     * Admin only. Creates or replaces each rate by currency and day, all or nothing: more than
     * {@link ExchangeRateDtos#MAX_UPSERT} items is 413; any invalid item, the same currency and day twice, or the
     * workspace currency is one 422 naming every bad item as {@code <field>[i].<name>} (field is {@code rates} in
     * REST); otherwise one statement writes the batch and answers each item as stored, in the order sent.
     */
    public Uni<ExchangeRateUpsertView> upsert(Caller caller, List<ExchangeRateInput> rates, String field) {
        caller.requireAdmin();
        if (rates == null) {
            throw ApiProblem.invalid(field, "is required: a list of {currency, effectiveDate, rate}");
        }
        if (rates.size() > ExchangeRateDtos.MAX_UPSERT) {
            throw new ApiProblem(413, "too-large", "Content too large", rates.size() + " rates in one request: send at "
                    + "most " + ExchangeRateDtos.MAX_UPSERT + " at a time", List.of(new FieldError(field,
                    "at most " + ExchangeRateDtos.MAX_UPSERT + " items")));
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstOfDay = new HashMap<>();
        for (int i = 0; i < rates.size(); i++) {
            ExchangeRateInput item = rates.get(i);
            String at = field + "[" + i + "]";
            if (item == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            Problems.fieldErrors(validator.validate(item))
                    .forEach(e -> errors.add(new FieldError(at + "." + e.field(), e.message())));
            if (item.currency() != null && item.effectiveDate() != null) {
                Integer first = firstOfDay.putIfAbsent(item.currency() + " " + item.effectiveDate(), i);
                if (first != null) {
                    errors.add(new FieldError(at + ".effectiveDate", "duplicates " + field + "[" + first
                            + "]: one rate per currency and day"));
                }
            }
        }
        if (rates.isEmpty() && errors.isEmpty()) {
            return Uni.createFrom().item(new ExchangeRateUpsertView(0, 0, 0, List.of()));
        }
        return db.query("SELECT currency FROM workspaces WHERE id = $1", Tuple.of(caller.workspaceId()))
                .flatMap(rows -> {
                    String own = rows.iterator().next().getString("currency");
                    for (int i = 0; i < rates.size(); i++) {
                        if (rates.get(i) != null && own.equals(rates.get(i).currency())) {
                            errors.add(new FieldError(field + "[" + i + "].currency", ownCurrency(own)));
                        }
                    }
                    if (!errors.isEmpty()) {
                        errors.sort(java.util.Comparator.comparing(FieldError::field, ExchangeRateService::byIndex));
                        throw ApiProblem.invalid(errors);
                    }
                    Tuple params = Tuple.of(caller.workspaceId(), clock.instant().atOffset(ZoneOffset.UTC))
                            .addArrayOfString(rates.stream().map(ExchangeRateInput::currency).toArray(String[]::new))
                            .addArrayOfLocalDate(rates.stream().map(ExchangeRateInput::effectiveDate)
                                    .toArray(LocalDate[]::new))
                            .addArrayOfBigDecimal(rates.stream().map(ExchangeRateInput::rate).toArray(BigDecimal[]::new));
                    return db.query(UPSERT, params);
                })
                .map(rows -> {
                    List<ExchangeRateWrite> written = new ArrayList<>();
                    int[] counts = new int[3];
                    for (Row row : rows) {
                        String result = row.getString("result");
                        counts[switch (result) { case "created" -> 0; case "updated" -> 1; default -> 2; }]++;
                        written.add(new ExchangeRateWrite(result, toView(row)));
                    }
                    return new ExchangeRateUpsertView(counts[0], counts[1], counts[2], written);
                });
    }

    private static String ownCurrency(String currency) {
        return "is the workspace currency (" + currency + "): its rate is always 1";
    }

    /** Field paths in item order ({@code rates[2]} before {@code rates[10]}), then by name within an item. */
    private static int byIndex(String a, String b) {
        int ia = index(a);
        int ib = index(b);
        return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
    }

    private static int index(String field) {
        int open = field.indexOf('[');
        int close = field.indexOf(']');
        return open < 0 || close < open ? -1 : Integer.parseInt(field.substring(open + 1, close));
    }

    static ExchangeRateView toView(Row row) {
        return new ExchangeRateView(row.getUUID("id"), row.getString("currency"), row.getLocalDate("effective_date"),
                row.getBigDecimal("rate"), row.getString("base_currency"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
