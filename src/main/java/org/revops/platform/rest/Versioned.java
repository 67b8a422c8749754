package org.revops.platform.rest;

import java.util.UUID;

/** A response record with an id and an optimistic-locking version, so responses can carry Location and ETag. */
public interface Versioned {
    UUID id();

    long version();
}
