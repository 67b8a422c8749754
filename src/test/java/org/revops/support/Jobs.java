package org.revops.support;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.revops.support.ApiTest.as;

/** Starts jobs through their endpoints and waits for their end by polling, as a client would. */
public final class Jobs {
    private Jobs() {
    }

    /** POSTs to {@code path}, checks the 202 + Location, and returns the job once it finished (at most 60 s). */
    public static JsonPath start(String key, String path) {
        Response accepted = as(key).post(path);
        accepted.then().statusCode(202);
        String location = accepted.header("Location");
        String id = accepted.path("id");
        assertTrue(location.endsWith("/api/v1/jobs/" + id), location);
        return await(key, id);
    }

    public static JsonPath await(String key, String jobId) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath job = as(key).get("/api/v1/jobs/" + jobId).then().statusCode(200).extract().jsonPath();
            String state = job.getString("state");
            if ("succeeded".equals(state) || "failed".equals(state)) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        fail("job " + jobId + " did not finish within 60 s");
        return null;
    }

    /** Runs the job at {@code path} and checks it succeeded at 100 %. */
    public static JsonPath succeed(String key, String path) {
        JsonPath job = start(key, path);
        assertEquals("succeeded", job.getString("state"), () -> job.prettify());
        assertEquals(100, job.getInt("percent"));
        return job;
    }
}
