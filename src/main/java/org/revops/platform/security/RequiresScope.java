package org.revops.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opens a REST operation (or every operation of a resource class; the method's own annotation wins) to API keys
 * narrowed to this scope. Operations without it are for keys with every right of their role only. Checked by
 * {@link KeyScopeCheck}; the value is an {@link ApiScope} name, {@code "forecast:read"}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {
    String value();
}
