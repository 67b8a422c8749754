package org.revops.platform.write;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;

import java.util.UUID;

/** Loads an entity for change, always within the caller's workspace: another workspace's id is simply not found. */
public final class Records {
    private Records() {
    }

    public static <E> Uni<E> load(Class<E> type, Caller caller, UUID id, String what) {
        return Panache.getSession().flatMap(session -> session
                .createQuery("from " + type.getSimpleName() + " where workspaceId = :workspace and id = :id", type)
                .setParameter("workspace", caller.workspaceId())
                .setParameter("id", id)
                .getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> ApiProblem.notFound(what));
    }
}
