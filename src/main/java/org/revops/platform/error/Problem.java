package org.revops.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The RFC 9457 body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details. `type` is stable; `errors` lists field problems.")
public record Problem(
        @Schema(example = "https://revops.dev/problems/validation") String type,
        @Schema(example = "Validation failed") String title,
        @Schema(example = "422") int status,
        @Schema(example = "amount: must be greater than or equal to 0") String detail,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ApiProblem p) {
        return new Problem(p.type(), p.title(), p.status(), p.detail(), p.errors());
    }
}
