package org.revops.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource for the platform-admin credential alone ({@link PlatformAdmin}): no workspace key, scoped or not,
 * may call it. The contract publishes {@code x-required-scope: platform-admin} for its operations, so the scope
 * matrix knows them for what they are rather than as operations someone forgot to scope.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PlatformOnly {
}
