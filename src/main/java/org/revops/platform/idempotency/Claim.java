package org.revops.platform.idempotency;

import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;

import java.util.List;
import java.util.UUID;

/** What claiming a key gave: the right to run the request, or the answer to give instead of running it. */
public sealed interface Claim {

    /** This request holds the key: run it, then {@link IdempotencyStore#complete} or {@link IdempotencyStore#release}. */
    record Won(UUID workspaceId, String key) implements Claim {
    }

    /** The key's first request has finished: answer with its response. */
    record Replay(StoredResponse response) implements Claim {
    }

    /** The key was used for another request (another method, path, body or user). */
    record OtherRequest() implements Claim {
        public ApiProblem problem() {
            return new ApiProblem(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for another request (another method, path, body or user). "
                            + "Send a new key with a new request.",
                    List.of(new FieldError(IdempotencyKey.HEADER, "was used for another request")));
        }
    }

    /** The key's first request is still running after the wait: the client should retry a little later. */
    record InProgress() implements Claim {
        public ApiProblem problem() {
            return new ApiProblem(409, "idempotency-key-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is still in progress. Retry after it has finished.", null);
        }
    }
}
