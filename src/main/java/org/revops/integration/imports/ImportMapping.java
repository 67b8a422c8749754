package org.revops.integration.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.revops.integration.BatchRecords;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which record field each CSV column fills, and how a row becomes the record the batch endpoint takes. The fields are
 * the components of the object's batch record type. A column maps to the field the request's mapping names, or to
 * null there (ignored); a column the mapping does not name maps to the field of the same name. A column that is
 * neither, a mapping to an unknown field, a mapping naming a column the file lacks, two columns for one field, no
 * externalId column, or no externalSource at all (column or request default) is a 422 listing every such problem.
 *
 * <p>Cells are text; a cell of a number or boolean field that reads as one becomes that JSON value, anything else
 * stays text for the record's own validation to report. An empty cell is null: on a known record it clears the
 * field, as null does in the batch endpoint's merge patch; an empty externalSource cell takes the request default.
 */
public final class ImportMapping {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<String> header;
    private final String[] fields;
    private final Map<String, Class<?>> types;
    private final String defaultSource;

    private ImportMapping(List<String> header, String[] fields, Map<String, Class<?>> types, String defaultSource) {
        this.header = header;
        this.fields = fields;
        this.types = types;
        this.defaultSource = defaultSource;
    }

    /** The mapping of a file with {@code header} onto {@code recordType}; 400 or 422 when it cannot work. */
    public static ImportMapping of(Class<? extends Record> recordType, List<String> header, JsonNode mapping,
                                   String defaultSource) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            types.put(component.getName(), component.getType());
        }
        String known = "known fields: " + String.join(", ", types.keySet());
        if (mapping != null && !mapping.isNull() && !mapping.isObject()) {
            throw ApiProblem.badRequest("mapping", "must be a JSON object of CSV column → field (or null to ignore)");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, JsonNode> given = new LinkedHashMap<>();
        if (mapping != null && mapping.isObject()) {
            mapping.fields().forEachRemaining(e -> given.put(e.getKey(), e.getValue()));
        }
        given.forEach((column, target) -> {
            if (!target.isNull() && !target.isTextual()) {
                throw ApiProblem.badRequest("mapping." + column, "must be a field name or null (ignore the column)");
            }
            if (!header.contains(column)) {
                errors.add(new FieldError("mapping." + column, "the file has no column '" + column + "'"));
            } else if (target.isTextual() && !types.containsKey(target.asText())) {
                errors.add(new FieldError("mapping." + column, "unknown field '" + target.asText() + "'; " + known));
            }
        });
        String[] fields = new String[header.size()];
        Map<String, String> columnOf = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            JsonNode target = given.get(column);
            String field = target != null ? (target.isNull() ? null : target.asText())
                    : types.containsKey(column) ? column : null;
            if (target == null && field == null) {
                errors.add(new FieldError("columns." + column, "unknown column: map it to a field, or to null to "
                        + "ignore it; " + known));
            }
            if (field != null && types.containsKey(field)) {
                String other = columnOf.putIfAbsent(field, column);
                if (other != null) {
                    errors.add(new FieldError("columns." + column, "maps to " + field + ", as column '" + other
                            + "' does"));
                }
                fields[i] = field;
            }
        }
        if (!columnOf.containsKey(BatchRecords.EXTERNAL_ID)) {
            errors.add(new FieldError("mapping", "a column must map to externalId: records are matched by it"));
        }
        String source = defaultSource == null || defaultSource.isBlank() ? null : defaultSource;
        if (!columnOf.containsKey(BatchRecords.SOURCE) && source == null) {
            errors.add(new FieldError("externalSource", "give the externalSource parameter or a column mapped to "
                    + "externalSource"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new ImportMapping(header, fields, types, source);
    }

    /** The mapping as applied: every column of the file → its field, or null when ignored. */
    public Map<String, String> applied() {
        Map<String, String> applied = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            applied.put(header.get(i), fields[i]);
        }
        return applied;
    }

    /** The record of one CSV row, as the batch endpoint takes it. */
    public ObjectNode record(List<String> cells) {
        ObjectNode record = NODES.objectNode();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null) {
                record.set(fields[i], value(types.get(fields[i]), cells.get(i)));
            }
        }
        JsonNode source = record.get(BatchRecords.SOURCE);
        if ((source == null || source.isNull()) && defaultSource != null) {
            record.put(BatchRecords.SOURCE, defaultSource);
        }
        return record;
    }

    private static JsonNode value(Class<?> type, String cell) {
        if (cell == null || cell.isEmpty()) {
            return NODES.nullNode();
        }
        String trimmed = cell.trim();
        try {
            if (type == Integer.class || type == int.class) {
                return NODES.numberNode(Integer.parseInt(trimmed));
            }
            if (type == Long.class || type == long.class) {
                return NODES.numberNode(Long.parseLong(trimmed));
            }
            if (type == BigDecimal.class) {
                return NODES.numberNode(new BigDecimal(trimmed));
            }
        } catch (NumberFormatException e) {
            return NODES.textNode(cell); // the record's validation says what is wrong with it
        }
        if ((type == Boolean.class || type == boolean.class)
                && ("true".equalsIgnoreCase(trimmed) || "false".equalsIgnoreCase(trimmed))) {
            return NODES.booleanNode(Boolean.parseBoolean(trimmed.toLowerCase()));
        }
        return NODES.textNode(cell);
    }
}
