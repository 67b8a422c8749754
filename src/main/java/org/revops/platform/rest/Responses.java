package org.revops.platform.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Status codes and headers of single-record responses, the same for every resource. */
public final class Responses {
    private Responses() {
    }

    public static Response ok(Versioned body) {
        return ok(body, body.version());
    }

    /** For a versioned resource without an id of its own (a workspace's settings): 200 with the version as ETag. */
    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(new EntityTag(Long.toString(version))).build();
    }

    public static Response created(UriInfo uri, Versioned body) {
        return Response.created(uri.getAbsolutePathBuilder().path(body.id().toString()).build())
                .entity(body).tag(new EntityTag(Long.toString(body.version()))).build();
    }

    public static Response noContent() {
        return Response.noContent().build();
    }
}
