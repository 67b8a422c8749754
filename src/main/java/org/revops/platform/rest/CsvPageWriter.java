package org.revops.platform.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.revops.platform.paging.Page;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every list page ({@link Page}) as CSV, for list operations that also produce {@code text/csv}: the resource keeps
 * returning its typed page (so the JSON contract is unchanged) and JAX-RS content negotiation picks this writer when
 * the client prefers {@code text/csv}. The page's items are written by {@link Csv#write(Class, List)}, with columns
 * derived from the item record, so no list declares columns.
 *
 * <p>CSV has no room for the next cursor, so it travels in headers, present only when there is a next page:
 * {@code X-Next-Cursor: <cursor>} (for shell scripts) and {@code Link: <the same URL with cursor=...>; rel="next"}
 * (RFC 8288, for HTTP clients that follow links). The headers are set by a response filter, which runs before the
 * framework commits its own: a writer's headers would be overwritten. Errors never reach this writer: the problem
 * mapper answers them as problem+json.
 */
@Provider
@Produces(Csv.MEDIA_TYPE)
public class CsvPageWriter implements ServerMessageBodyWriter<Page<?>> {
    public static final String NEXT_CURSOR = "X-Next-Cursor";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
                               MediaType mediaType) {
        return writable(type, genericType);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return writable(type, genericType);
    }

    @Override
    public void writeResponse(Page<?> page, Type genericType, ServerRequestContext context) {
        context.serverResponse().end(body(page, genericType));
    }

    @Override
    public void writeTo(Page<?> page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        entityStream.write(body(page, genericType));
    }

    /** Content type, file name and the next page's cursor of a page answered as CSV. */
    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (!(response.getEntity() instanceof Page<?> page) || type == null
                || !type.isCompatible(MediaType.valueOf(Csv.MEDIA_TYPE))) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        UriInfo uri = request.getUriInfo();
        headers.putSingle("Content-Type", Csv.CONTENT_TYPE);
        List<PathSegment> segments = uri.getPathSegments();
        headers.putSingle("Content-Disposition", Csv.attachment(segments.get(segments.size() - 1).getPath() + ".csv"));
        if (page.nextCursor() != null) {
            headers.putSingle(NEXT_CURSOR, page.nextCursor());
            headers.putSingle("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor())
                    .build() + ">; rel=\"next\"");
        }
    }

    private static boolean writable(Class<?> type, Type genericType) {
        return Page.class.isAssignableFrom(type) && itemType(genericType) != null;
    }

    @SuppressWarnings("unchecked")
    private static byte[] body(Page<?> page, Type genericType) {
        Class<? extends Record> item = itemType(genericType);
        return Csv.write((Class<Record>) item, (List<Record>) page.data()).getBytes(StandardCharsets.UTF_8);
    }

    /** The record type of the page's items, from {@code Page<Item>}; null when it is not a record. */
    @SuppressWarnings("unchecked")
    private static Class<? extends Record> itemType(Type genericType) {
        if (genericType instanceof ParameterizedType page
                && page.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
            return (Class<? extends Record>) item;
        }
        return null;
    }
}
