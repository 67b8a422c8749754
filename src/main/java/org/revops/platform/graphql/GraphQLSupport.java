package org.revops.platform.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.Problems;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Slice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The GraphQL side of the one error path and the one list shape: connections built from service slices, and
 * mutation payloads that carry validation and conflict failures as {@code userErrors}. Other failures (401, 403,
 * 404, 412) stay GraphQL errors whose message is the problem's detail.
 */
public final class GraphQLSupport {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private GraphQLSupport() {
    }

    /**
     * A GraphQL list call as a {@link ListRequest} over the same {@link ListSpec} as REST. GraphQL names cannot
     * hold dots, so a filter on a relation such as {@code account.industry} is the input field {@code accountIndustry}.
     */
    public static ListRequest listRequest(ListSpec spec, Object filter, String sort, Integer first, String after) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (filter != null) {
            ObjectNode node = JSON.valueToTree(filter);
            node.fields().forEachRemaining(field -> {
                if (field.getValue().isNull()) {
                    return;
                }
                List<String> values = new ArrayList<>();
                if (field.getValue().isArray()) {
                    field.getValue().forEach(v -> values.add(v.asText()));
                } else {
                    values.add(field.getValue().asText());
                }
                // An empty list selects nothing, as an empty IN () would: never "no filter".
                filters.put(restName(spec, field.getKey()), values);
            });
        }
        return ListRequest.of(filters, sort, first, after);
    }

    private static String restName(ListSpec spec, String graphqlName) {
        if (spec.filters().containsKey(graphqlName)) {
            return graphqlName;
        }
        for (String name : spec.filters().keySet()) {
            int dot = name.indexOf('.');
            if (dot > 0 && graphqlName.equals(name.substring(0, dot)
                    + Character.toUpperCase(name.charAt(dot + 1)) + name.substring(dot + 2))) {
                return name;
            }
        }
        return graphqlName;
    }

    public static <T, E, C> C connection(Slice<T> slice, BiFunction<T, String, E> edge,
                                         BiFunction<List<E>, PageInfo, C> connection) {
        List<E> edges = new ArrayList<>();
        for (int i = 0; i < slice.items().size(); i++) {
            edges.add(edge.apply(slice.items().get(i), slice.cursors().get(i)));
        }
        String end = slice.cursors().isEmpty() ? null : slice.cursors().get(slice.cursors().size() - 1);
        return connection.apply(edges, new PageInfo(slice.hasMore(), end));
    }

    /** Runs a mutation; 400/409/422 problems become userErrors of the payload, anything else a GraphQL error. */
    public static <T, P> Uni<P> payload(java.util.function.Supplier<Uni<T>> work, BiFunction<T, List<UserError>, P> payload) {
        Uni<T> started;
        try {
            started = work.get();
        } catch (RuntimeException e) {
            started = Uni.createFrom().failure(e);
        }
        return started.map(value -> payload.apply(value, List.of()))
                .onFailure().recoverWithUni(failure -> {
                    ApiProblem problem = Problems.from(failure);
                    if (problem.status() == 400 || problem.status() == 409 || problem.status() == 422) {
                        List<UserError> errors = problem.errors().isEmpty()
                                ? List.of(new UserError(null, problem.detail()))
                                : problem.errors().stream().map(e -> new UserError(e.field(), e.message())).toList();
                        return Uni.createFrom().item(payload.apply(null, errors));
                    }
                    return Uni.createFrom().failure(problem);
                });
    }

    /**
     * A GraphQL input object as a merge patch: the fields that were given. GraphQL cannot tell an omitted field from
     * a null one, so nulls are left out, also inside nested input objects (which merge field by field).
     */
    public static ObjectNode patchOf(Object input) {
        ObjectNode node = JSON.valueToTree(input);
        withoutNulls(node);
        return node;
    }

    private static void withoutNulls(ObjectNode node) {
        List<String> empty = new ArrayList<>();
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isNull()) {
                empty.add(f.getKey());
            } else if (f.getValue() instanceof ObjectNode nested) {
                withoutNulls(nested);
            }
        });
        node.remove(empty);
    }

}
