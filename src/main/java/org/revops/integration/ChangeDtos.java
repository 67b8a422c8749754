package org.revops.integration;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the change feed answers. */
public final class ChangeDtos {
    private ChangeDtos() {
    }

    @Schema(name = "Change", description = "One create, update or delete of an account, contact, lead or opportunity.")
    @Type("Change")
    public record ChangeView(
            @NonNull @Schema(description = "Unique id of the change; also a cursor that resumes the feed right after it")
            String id,
            @NonNull @Schema(enumeration = {"account", "contact", "lead", "opportunity"}) String type,
            @NonNull UUID resourceId,
            @NonNull @Schema(enumeration = {"create", "update", "delete"}) String action,
            @Schema(description = """
                    The fields as named in the API, with their new values: on create every field that has a value, \
                    on update the fields that changed (null = cleared), on delete the externalId and externalSource \
                    when the record had them. On deals, probability, forecastCategory and grade are the values a \
                    person set (null = back to the stage's or the computed value).""",
                    type = SchemaType.OBJECT, example = "{\"amount\": 25000.0000, \"nextStep\": \"Send the proposal\"}")
            @Ignore Map<String, Object> changedFields,
            @Schema(description = "The record's version after the change (before it, for a delete)") Long version,
            @NonNull @Schema(description = "When the writing transaction started") OffsetDateTime occurredAt) {
    }

    @Schema(name = "ChangePage", description = "A page of the change feed and the cursor to read the next one from.")
    public record ChangePage(
            @NonNull List<@NonNull ChangeView> data,
            @NonNull @Schema(description = "Always present, also when data is empty: pass it as since on the next read")
            String nextCursor) {
    }
}
