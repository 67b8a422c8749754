package org.revops.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one REST exception mapper: every failure leaves as application/problem+json, never a stack trace.
 * The framework ships mappers for some exception types; a mapper for the exact type is listed here so that ours
 * wins for each of them, and all of them translate through {@link Problems}.
 */
public class ProblemMapper {

    @ServerExceptionMapper(priority = 1)
    public Response map(Throwable failure) {
        return toResponse(Problems.from(failure));
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ResteasyReactiveViolationException failure) {
        return map(failure);
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ValidationException failure) {
        return map(failure);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException failure) {
        return map(failure);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonParseException failure) {
        return map(failure);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(MismatchedInputException failure) {
        return map(failure);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(InvalidFormatException failure) {
        return map(failure);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(UnrecognizedPropertyException failure) {
        return map(failure);
    }

    @ServerExceptionMapper(priority = 1)
    public Response web(WebApplicationException failure) {
        return map(failure);
    }

    @ServerExceptionMapper(priority = 1)
    public Response security(UnauthorizedException failure) {
        return map(failure);
    }

    @ServerExceptionMapper(priority = 1)
    public Response security(AuthenticationFailedException failure) {
        return map(failure);
    }

    @ServerExceptionMapper(priority = 1)
    public Response security(ForbiddenException failure) {
        return map(failure);
    }

    public static Response toResponse(ApiProblem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(problem))
                .build();
    }
}
