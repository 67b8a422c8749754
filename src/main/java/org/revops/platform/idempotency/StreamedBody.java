package org.revops.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST whose body is read as a stream (a file upload of hundreds of megabytes) rather than buffered. The idempotency
 * filter would have to buffer it to fingerprint it, so such an endpoint refuses {@code Idempotency-Key} with 400.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StreamedBody {
}
