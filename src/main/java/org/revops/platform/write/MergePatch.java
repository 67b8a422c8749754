package org.revops.platform.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.Problems;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * JSON Merge Patch (RFC 7396) over a resource's write model: the current state is rendered as the input record,
 * the patch is merged in (null removes), and the result is read back and validated exactly like a create.
 */
@ApplicationScoped
public class MergePatch {
    private final ObjectMapper mapper;
    private final Validator validator;

    public MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The merged input and the top-level fields the patch named. */
    public record Patched<T>(T value, Set<String> fields) {
        public boolean touched(String field) {
            return fields.contains(field);
        }
    }

    public <T> Patched<T> apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.badRequest("body", "must be a JSON object (application/merge-patch+json)");
        }
        ObjectNode target = mapper.valueToTree(current);
        merge(target, (ObjectNode) patch);
        T merged;
        try {
            merged = mapper.treeToValue(target, type);
        } catch (Exception e) {
            throw Problems.from(e);
        }
        validate(merged);
        Set<String> fields = new HashSet<>();
        patch.fieldNames().forEachRemaining(fields::add);
        return new Patched<>(merged, fields);
    }

    /** Bean Validation of a write model; every violation becomes a field error of one 422. */
    public <T> void validate(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(Problems.fieldErrors(violations));
        }
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.putNull(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                merge(nested, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }
}
