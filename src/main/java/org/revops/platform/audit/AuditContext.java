package org.revops.platform.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.revops.platform.rest.RequestIds;
import org.revops.platform.security.ApiKeyIdentityProvider;
import org.revops.platform.security.Caller;
import org.revops.platform.security.CurrentCaller;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Finds the actor of the work running now, for every write transaction to hand to the audit triggers. It lives on the
 * Vert.x context the work runs on — each request has its own (duplicated) context, which follows the request's
 * reactive chain through the database client and Hibernate Reactive alike — so no service has to pass it along:
 * <ul>
 * <li>a request: a filter keeps its routing context there; the actor is read from it when a transaction starts
 * (authentication has happened by then, so the identity is known);</li>
 * <li>a job: {@link #runAs} runs it on a context of its own carrying the actor it was given;</li>
 * <li>anything else (scheduled work, start-up): the system.</li>
 * </ul>
 */
@ApplicationScoped
public class AuditContext {
    private static final String ROUTING = "revops.audit.routing";
    private static final String ACTOR = "revops.audit.actor";

    void register(@Observes Filters filters) {
        // right after RequestIds (1000), so the request id is there; before authentication and every route
        filters.register(AuditContext::remember, 999);
    }

    private static void remember(RoutingContext routing) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(ROUTING, routing);
        }
        routing.next();
    }

    /** The actor of the work running now: its job's, its request's, or the system. */
    public static AuditActor current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return AuditActor.SYSTEM;
        }
        AuditActor given = context.getLocal(ACTOR);
        if (given != null) {
            return given;
        }
        RoutingContext routing = context.getLocal(ROUTING);
        return routing == null ? AuditActor.SYSTEM : ofRequest(routing);
    }

    /**
     * Runs {@code work} on a new context of its own whose writes are recorded as {@code actor}'s: for work that goes on
     * after the request that started it, or that acts for someone other than the current caller.
     */
    public static <T> Uni<T> runAs(AuditActor actor, Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext();
        // its own Hibernate Reactive session too: Quarkus lets Panache work only on a context flagged as isolated
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().<T>emitter(emitter -> context.runOnContext(ignored -> {
            context.putLocal(ACTOR, actor);
            work.get().subscribe().with(emitter::complete, emitter::fail);
        }));
    }

    static AuditActor ofRequest(RoutingContext routing) {
        SecurityIdentity identity = routing.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        Caller caller = CurrentCaller.of(identity);
        UUID keyId = identity == null ? null : identity.getAttribute(ApiKeyIdentityProvider.KEY_ID);
        String tokenSubject = identity == null ? null : identity.getAttribute(ApiKeyIdentityProvider.TOKEN_SUBJECT);
        SocketAddress client = routing.request().remoteAddress();
        return new AuditActor(AuditActor.Kind.REQUEST, caller == null ? null : caller.userId(), keyId, tokenSubject,
                null, client == null ? null : client.hostAddress(), routing.request().getHeader("User-Agent"),
                RequestIds.of(routing));
    }
}
