package org.revops.platform.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request has an id: the caller's {@code X-Request-Id} when it is a sane token (so a gateway's or a client's id
 * follows the request through), otherwise a new UUID. It is echoed in the response, put in the log context
 * ({@code requestId}, in every log line of the request) and recorded with the audit events the request writes.
 * First of all filters, so even a 401 or a 413 carries it.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The routing-context key and the log (MDC) key. */
    public static final String KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(RequestIds::assign, 1000);
    }

    private static void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.put(KEY, id);
        // at header time: a handler further on may reset headers it did not set itself
        context.addHeadersEndHandler(ignored -> context.response().putHeader(HEADER, id));
        MDC.put(KEY, id);
        context.next();
    }

    /** The id of the request being served on this routing context; null outside HTTP requests (jobs, timers). */
    public static String of(RoutingContext context) {
        return context == null ? null : context.get(KEY);
    }
}
