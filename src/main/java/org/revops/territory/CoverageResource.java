package org.revops.territory;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.platform.error.Problem;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.QueryParams;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.territory.CoverageDtos.CoverageGroupBy;
import org.revops.territory.CoverageDtos.CoverageRow;
import org.revops.territory.CoverageDtos.CoverageView;

import java.time.LocalDate;
import java.util.UUID;

/**
 * REST door to the coverage report: JSON, or CSV with {@code Accept: text/csv}. The query is read with
 * {@link QueryParams} (a typed {@code @QueryParam} would turn a bad date into a 404), so its parameters are
 * documented with {@code @Parameters}.
 */
@RequiresScope("analytics:read")
@Path("/api/v1/analytics/coverage")
@Tag(name = "Analytics", description = "Figures over the pipeline, computed in the database.")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class CoverageResource {
    private final CoverageService coverage;
    private final CurrentCaller caller;

    public CoverageResource(CoverageService coverage, CurrentCaller caller) {
        this.coverage = coverage;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getCoverage", summary = "Coverage and white space by territory, industry or region",
            description = """
                    Per territory of a model (default: the active one), or per industry or region of the accounts: \
                    accounts, accounts with open pipeline, open deals and their amount, deals won in [wonFrom, \
                    wonTo] (closedAt, UTC days) and their amount, reps, and the accounts nobody touched lately with \
                    **untouchedShare** = untouchedAccounts / accounts (0-1, 4 decimals; null for no account). An \
                    account is untouched when no activity occurred in [now − untouchedDays, now] and no deal of it \
                    was created or updated since now − untouchedDays (every deal and activity of the account counts \
                    here, whoever may read it).

                    Accounts are those the caller may read (a rep their own and those of their deals, a manager \
                    their subtree's, others the whole workspace); deal figures count the deals the caller may read, \
                    by their account's row (a deal's own territory override is not used). Amounts are summed as \
                    stored, in each deal's own currency (no FX).

                    Territory rows: every territory of the model in tree order (depth first, siblings by code), also \
                    those without accounts (white space); figures count the accounts assigned directly to the \
                    territory, `subtree` those of the territory and its descendants. **reps** = distinct members \
                    with role rep or owner (overlays and the forecast manager ownerId do not count). A rep sees only \
                    the territories they own or are a member of; their accounts in other territories form one \
                    `otherTerritories` row. Industry and region rows: one per value as stored (trimmed; case \
                    matters), **reps** = distinct account owners. The last row, `unassigned` (key null), holds the \
                    accounts without a territory in the model (a tie counts as unassigned) or without a value; its \
                    reps are the distinct owners of its accounts.

                    With `Accept: text/csv`: one record per row, the columns of CoverageRow with subtree.* last. \
                    400 for an unknown parameter or one that does not parse; 422 when untouchedDays is outside \
                    1..3650, wonFrom is after wonTo, wonTo is more than 3 years after wonFrom, or modelId is given \
                    with another groupBy than territory; 404 when modelId is not a model of this workspace.""")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CoverageView.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "modelId is not a territory model of this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "untouchedDays out of range, a bad won period, or modelId "
            + "with another grouping than territory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Parameters({
            @Parameter(name = "groupBy", in = ParameterIn.QUERY, description = "What a row is; default: territory",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"territory", "industry", "region"})),
            @Parameter(name = "modelId", in = ParameterIn.QUERY, description = "The territory model of territory "
                    + "rows, planning and archived ones too; default: the active model",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")),
            @Parameter(name = "untouchedDays", in = ParameterIn.QUERY, description = "An account is untouched when "
                    + "nothing happened on it for this many days (1-3650); default: 90",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "3650")),
            @Parameter(name = "wonFrom", in = ParameterIn.QUERY, description = "First day of the won period (UTC), "
                    + "included; default: the first day of the current quarter",
                    schema = @Schema(type = SchemaType.STRING, format = "date")),
            @Parameter(name = "wonTo", in = ParameterIn.QUERY, description = "Last day of the won period (UTC), "
                    + "included; default: the last day of the current quarter",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))})
    public Uni<Response> get(@Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParams query = QueryParams.of(uri, "groupBy", "modelId", "untouchedDays", "wonFrom", "wonTo");
        String by = query.choice("groupBy", CoverageGroupBy.names());
        UUID modelId = query.uuid("modelId");
        Integer untouchedDays = query.integer("untouchedDays");
        LocalDate wonFrom = query.date("wonFrom");
        LocalDate wonTo = query.date("wonTo");
        query.check();
        CoverageGroupBy grouping = by == null ? null : CoverageGroupBy.of(by).orElseThrow();
        boolean csv = Csv.requested(headers);
        return coverage.coverage(caller.get(), grouping, modelId, untouchedDays, wonFrom, wonTo).map(view -> csv
                ? Csv.ok(CoverageRow.class, view.rows(), "coverage.csv")
                : Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build());
    }
}
