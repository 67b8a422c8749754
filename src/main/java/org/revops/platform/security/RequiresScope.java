package org.revops.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link ApiScope} a REST operation or a GraphQL root field needs from a scoped API key, by name
 * ({@code "forecast:read"}). On a class it covers every operation of the class: {@link #value()} whatever the HTTP
 * method, or {@link #read()} for GET and queries and {@link #write()} for the rest and mutations. A method's own
 * annotation wins over its class's. Resolved by {@link RequiredScopes}, checked by {@link KeyScopeCheck} (REST) and
 * {@link GraphQLScopeCheck}, published in the REST contract as {@code x-required-scope}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {
    /** The scope of every operation it covers; empty when {@link #read()} and {@link #write()} split them. */
    String value() default "";

    /** The scope of the GET operations it covers, when {@link #value()} is empty. */
    String read() default "";

    /** The scope of the other operations (POST, PUT, PATCH, DELETE) it covers, when {@link #value()} is empty. */
    String write() default "";
}
