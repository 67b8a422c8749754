package org.revops.lead;

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
import org.revops.lead.LeadSourceDtos.CsvRow;
import org.revops.lead.LeadSourceDtos.LeadSourcesView;
import org.revops.platform.error.Problem;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.QueryParams;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.ArrayList;
import java.util.List;

/**
 * REST door to the lead-source report: JSON, or CSV with {@code Accept: text/csv}. The query is read with
 * {@link QueryParams} (a typed {@code @QueryParam} would turn a bad date into a 404).
 */
@RequiresScope("analytics:read")
@Path("/api/v1/analytics/lead-sources")
@Tag(name = "Analytics")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class LeadSourceResource {
    static final List<Csv.Column<CsvRow>> CSV = List.of(
            Csv.column("level", CsvRow::level), Csv.column("channel", CsvRow::channel),
            Csv.column("campaign", CsvRow::campaign), Csv.column("leads", CsvRow::leads),
            Csv.column("qualified", CsvRow::qualified), Csv.column("converted", CsvRow::converted),
            Csv.column("wonDeals", CsvRow::wonDeals), Csv.column("wonRevenue", CsvRow::wonRevenue),
            Csv.column("conversionRate", CsvRow::conversionRate),
            Csv.column("averageDaysToConvert", CsvRow::averageDaysToConvert));

    private final LeadSourceService sources;
    private final CurrentCaller caller;

    public LeadSourceResource(LeadSourceService sources, CurrentCaller caller) {
        this.sources = sources;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getLeadSources", summary = "Lead-source analytics by channel and campaign",
            description = LeadSourceDtos.COHORT + """


                    Per channel (by leads, most first) and, within it, per campaign (leads without a campaign last, \
                    `campaign` null), and in total: leads, qualified, converted, wonDeals, wonRevenue, \
                    conversionRate, averageDaysToConvert. Without `to` the period ends after today (by the service \
                    clock); without `from` it starts 90 days before its end.

                    With `Accept: text/csv`: one record per campaign, then its channel's record, channel by channel, \
                    then the total; `level` is campaign, channel or total. 400 for an unknown parameter or a date \
                    that does not parse; 422 when `to` is not after `from`.""")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadSourcesView.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "422", description = "`to` not after `from`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "Leads created on or after this day "
                    + "(UTC); default: 90 days before `to`", schema = @Schema(type = SchemaType.STRING, format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Leads created before this day (UTC); "
                    + "default: tomorrow, so that today counts",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))})
    public Uni<Response> report(@Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParams query = QueryParams.of(uri, "from", "to");
        var from = query.date("from");
        var to = query.date("to");
        query.check();
        boolean csv = Csv.requested(headers);
        return sources.report(caller.get(), from, to).map(view -> csv
                ? Csv.ok(CSV, rows(view), "lead-sources.csv")
                : Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build());
    }

    static List<CsvRow> rows(LeadSourcesView view) {
        List<CsvRow> rows = new ArrayList<>();
        view.channels().forEach(channel -> {
            channel.campaigns().forEach(c -> rows.add(new CsvRow("campaign", channel.channel(), c.campaign(),
                    c.leads(), c.qualified(), c.converted(), c.wonDeals(), c.wonRevenue(), c.conversionRate(),
                    c.averageDaysToConvert())));
            rows.add(new CsvRow("channel", channel.channel(), null, channel.leads(), channel.qualified(),
                    channel.converted(), channel.wonDeals(), channel.wonRevenue(), channel.conversionRate(),
                    channel.averageDaysToConvert()));
        });
        rows.add(new CsvRow("total", null, null, view.leads(), view.qualified(), view.converted(), view.wonDeals(),
                view.wonRevenue(), view.conversionRate(), view.averageDaysToConvert()));
        return rows;
    }
}
