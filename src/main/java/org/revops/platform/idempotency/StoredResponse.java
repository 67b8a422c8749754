package org.revops.platform.idempotency;

/** The parts of a first response that a replay gives back: status, body and the headers a client acts on. */
public record StoredResponse(int status, String contentType, String location, String etag, byte[] body) {

    /** 5xx answers are not kept: the failure may be ours and passing, so the key is released for a retry. */
    public boolean worthKeeping() {
        return status < 500;
    }
}
