package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.opportunity.ActivityAnalyticsDtos.ActivityAnalyticsView;
import org.revops.opportunity.ActivityAnalyticsDtos.MetricAttainment;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.rest.Csv;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@RequiresScope("analytics:read")
@Path("/api/v1/analytics/activity")
@Tag(name = "Analytics", description = "Reports computed from the pipeline and its activity.")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class ActivityAnalyticsResource {
    private static final Set<String> PARAMETERS = Set.of("userId", "period");

    /** As CSV: one record per metric, the user and the period repeated on each. */
    static final List<Csv.Column<MetricRow>> CSV = List.of(
            Csv.column("metric", r -> r.metric().metric()), Csv.column("actual", r -> r.metric().actual()),
            Csv.column("target", r -> r.metric().target()), Csv.column("attainment", r -> r.metric().attainment()),
            Csv.column("userId", r -> r.view().userId()), Csv.column("period", r -> r.view().period()),
            Csv.column("periodKind", r -> r.view().periodKind()), Csv.column("start", r -> r.view().start()),
            Csv.column("end", r -> r.view().end()));

    record MetricRow(ActivityAnalyticsView view, MetricAttainment metric) {
    }

    private final ActivityAnalyticsService service;
    private final CurrentCaller caller;

    public ActivityAnalyticsResource(ActivityAnalyticsService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getActivityAnalytics", summary = "Activity against targets",
            description = """
                    For one user and one ISO week (`2026-W47`, Monday 00:00 UTC to the next Monday) or month \
                    (`2026-11`, the 1st 00:00 UTC to the next 1st), one line per metric (call, email, meeting, visit, \
                    demo, proposal, signing): `actual` = the user's activities of that type with start <= occurredAt \
                    < end, and for `signing` the deals the user owns that were won with start <= closedAt < end; \
                    `target` = the user's weekly or monthly target for the metric (null when none); `attainment` = \
                    actual / target rounded half up to 4 places (null when the target is null or 0). A rep sees \
                    their own figures, a manager those of their reporting subtree, admin, integration and read-only \
                    keys everyone's.

                    With `Accept: text/csv`: one CSV record per metric (metric, actual, target, attainment), the user \
                    and the period (userId, period, periodKind, start, end) repeated on each.""")
    @APIResponse(responseCode = "200", description = "The figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActivityAnalyticsView.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such user in the caller's workspace",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public Uni<Response> get(
            @Parameter(description = "The user; defaults to the caller", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("userId") String userId,
            @Parameter(description = "An ISO week such as 2026-W47 or a month such as 2026-11", required = true,
                    example = "2026-W47") @QueryParam("period") String period,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                errors.add(new FieldError(name, "unknown parameter; known: period, userId"));
            } else if (values.size() > 1) {
                errors.add(new FieldError(name, "may be given once"));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("Invalid parameters", errors);
        }
        boolean csv = Csv.requested(headers);
        return service.activity(caller.get(), parseUser(userId), period).map(view -> csv
                ? Csv.ok(CSV, view.metrics().stream().map(metric -> new MetricRow(view, metric)).toList(),
                        "activity.csv")
                : Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build());
    }

    private static UUID parseUser(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("userId", "must be a UUID");
        }
    }
}
