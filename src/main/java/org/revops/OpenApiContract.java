package org.revops;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.revops.account.AccountService;
import org.revops.account.ContactService;
import org.revops.opportunity.CloseReasonService;
import org.revops.opportunity.FollowUpService;
import org.revops.opportunity.PipelineService;
import org.revops.opportunity.StalledDealsService;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.ValueType;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.CsvPageWriter;
import org.revops.platform.security.ApiScope;
import org.revops.platform.workspace.ApiKeyService;
import org.revops.team.UserService;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Completes the generated contract from the same declarations the code runs on: list parameters come from each
 * {@link ListSpec}, and every operation documents the problem+json errors it can answer.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiContract implements OASFilter {
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    static final Map<String, ListSpec> LISTS = Stream.of(UserService.LIST, AccountService.LIST, ContactService.LIST,
                    PipelineService.LIST, org.revops.opportunity.OpportunityQueries.LIST, ApiKeyService.LIST,
                    org.revops.opportunity.ActivityQueries.LIST, org.revops.opportunity.ActivityTargetService.LIST,
                    FollowUpService.LIST, CloseReasonService.LIST, org.revops.platform.job.JobService.LIST,
                    org.revops.territory.TerritoryAssignmentService.ASSIGNMENT_LIST,
                    org.revops.territory.TerritoryAssignmentService.MOVE_LIST,
                    org.revops.territory.TerritoryModelService.LIST, org.revops.territory.TerritoryQueries.LIST,
                    org.revops.territory.TerritoryMemberService.LIST, org.revops.territory.TerritoryRuleService.LIST,
                    org.revops.lead.LeadService.LIST, org.revops.lead.RoutingService.QUEUE,
                    org.revops.lead.predictive.PredictiveModelService.LIST,
                    org.revops.lead.predictive.PredictiveModelService.WEIGHTS,
                    org.revops.lead.scoring.ScoringModelService.LIST, org.revops.lead.scoring.LeadScoreHistory.LIST,
                    org.revops.forecast.QuotaService.LIST, org.revops.forecast.ExchangeRateService.LIST,
                    org.revops.forecast.ForecastAdjustmentService.LIST,
                    org.revops.forecast.ForecastSubmissionService.LIST, org.revops.platform.audit.AuditService.LIST,
                    org.revops.platform.workspace.PlatformWorkspaces.LIST)
            .collect(Collectors.toMap(ListSpec::operationId, Function.identity()));

    /** List operations that answer one page of CSV as well as JSON ({@link CsvPageWriter}). */
    static final Set<String> CSV_LISTS = Stream.concat(LISTS.keySet().stream(), Stream.of("getOpportunityHistory"))
            .collect(Collectors.toUnmodifiableSet());

    /** Reports that take a ListSpec's filters but answer no page: their filters are documented, no paging. */
    static final Map<String, ListSpec> REPORTS = Stream.of(StalledDealsService.FILTERS)
            .collect(Collectors.toMap(ListSpec::operationId, Function.identity()));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("FieldError", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The request field, dotted for nested fields"))
                .addProperty("message", string("What is wrong with it")));
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details. `type` is stable: branch on it, not on `detail`.")
                .addProperty("type", string("Stable URI of the problem type, e.g. https://revops.dev/problems/validation"))
                .addProperty("title", string("Short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string("What went wrong in this request"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError"))));
        listKeyScopes(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            ListSpec spec = LISTS.get(operation.getOperationId());
            if (spec != null) {
                addListParameters(operation, spec);
            }
            ListSpec report = REPORTS.get(operation.getOperationId());
            if (report != null) {
                addFilterParameters(operation, report);
            }
            if (CSV_LISTS.contains(operation.getOperationId())) {
                documentCsvPage(operation);
            }
            addErrors(path, method, operation);
        }));
    }

    /**
     * The scope names a new key may carry, from the registry the code checks them against. (Not on the view: it shows
     * a key's scopes as stored, which may include one retired since.)
     */
    private static void listKeyScopes(OpenAPI openAPI) {
        Schema schema = openAPI.getComponents().getSchemas().get("ApiKeyInput");
        Schema scopes = schema == null || schema.getProperties() == null ? null : schema.getProperties().get("scopes");
        if (scopes != null && scopes.getItems() != null) {
            scopes.getItems().enumeration(Arrays.stream(ApiScope.values()).map(s -> (Object) s.value()).toList());
        }
    }

    private static void addListParameters(Operation operation, ListSpec spec) {
        Parameter limit = query("limit", "Page size, 1-" + ListRequest.MAX_LIMIT + " (default "
                + ListRequest.DEFAULT_LIMIT + ").", ValueType.INTEGER);
        limit.getSchema().minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(ListRequest.MAX_LIMIT));
        operation.addParameter(limit);
        operation.addParameter(query("cursor", "`nextCursor` of the previous page.", ValueType.TEXT));
        operation.addParameter(query("sort", "Comma-separated fields, `-` for descending. Fields: "
                + String.join(", ", spec.sorts().keySet()) + ". Default: " + String.join(",", spec.defaultSort())
                + ".", ValueType.TEXT));
        addFilterParameters(operation, spec);
    }

    private static void addFilterParameters(Operation operation, ListSpec spec) {
        for (ListSpec.Filter filter : spec.filters().values()) {
            Parameter parameter = query(filter.name(), filter.description()
                    + (filter.repeatable() ? " Repeat the parameter for OR." : ""), filter.type());
            if (filter.choices() != null) {
                parameter.getSchema().enumeration(new ArrayList<>(filter.choices().keySet()));
            }
            if (filter.repeatable()) {
                parameter.schema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(schemaOf(filter.type())))
                        .explode(true).style(Parameter.Style.FORM);
            }
            operation.addParameter(parameter);
        }
    }

    /** The CSV side of a list's 200: text, and the next cursor in headers (see {@link CsvPageWriter}). */
    private static void documentCsvPage(Operation operation) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        ok.getContent().addMediaType(Csv.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING).description("""
                        With `Accept: text/csv`: the same page as CSV (RFC 4180, UTF-8, CRLF), a header row, then \
                        one record per item; columns are the item's JSON fields in order, a nested object's fields \
                        dotted (`reasons.stage`), a list of values one cell joined by `; `, and a list of objects \
                        (a pipeline's stages) one record per element with the item's fields repeated. The next \
                        page's cursor is in the X-Next-Cursor and Link headers.""")));
        ok.addHeader(CsvPageWriter.NEXT_CURSOR, OASFactory.createHeader().schema(string(null)).description(
                "CSV answers only: `nextCursor` of the page; pass it as `cursor` for the next one. Absent on the "
                        + "last page."));
        ok.addHeader("Link", OASFactory.createHeader().schema(string(null)).description(
                "CSV answers only: `<this URL with cursor=the next cursor>; rel=\"next\"` (RFC 8288). Absent on the "
                        + "last page."));
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
        List<String[]> errors = new ArrayList<>();
        errors.add(new String[] {"400", "Malformed request: bad JSON, unknown field, wrong type, bad parameter"});
        errors.add(new String[] {"401", "No or unknown API key"});
        errors.add(new String[] {"403", "The caller's role may not do this, or the API key is narrowed to scopes "
                + "without the operation's `x-required-scope`"});
        if (path.contains("{")) {
            errors.add(new String[] {"404", "No such record in the caller's workspace, or not visible to the caller"});
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE) {
            errors.add(new String[] {"409", "Conflicts with existing data (duplicate, or still referenced)"});
        }
        if (method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE) {
            errors.add(new String[] {"412", "If-Match names a stale version"});
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.PUT) {
            errors.add(new String[] {"422", "Validation failed; `errors` names each field"});
        }
        for (String[] error : errors) {
            if (!operation.getResponses().hasAPIResponse(error[0])) {
                operation.getResponses().addAPIResponse(error[0], OASFactory.createAPIResponse().description(error[1])
                        .content(OASFactory.createContent().addMediaType("application/problem+json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
            }
        }
    }

    private static Parameter query(String name, String description, ValueType type) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description)
                .schema(schemaOf(type));
    }

    private static Schema schemaOf(ValueType type) {
        String[] typeAndFormat = type.openApiTypeAndFormat();
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.valueOf(typeAndFormat[0].toUpperCase()));
        return typeAndFormat[1] == null ? schema : schema.format(typeAndFormat[1]);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
