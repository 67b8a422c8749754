package org.revops.support;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    /**
     * The finished job, by long polls (GET …?wait=60, up to three: a loaded CI machine can be slow); fails when it is
     * still unfinished after three minutes.
     */
    public static JsonPath await(String key, String jobId) {
        JsonPath job = null;
        for (int poll = 0; poll < 3; poll++) {
            job = as(key).get("/api/v1/jobs/" + jobId + "?wait=60").then().statusCode(200).extract().jsonPath();
            if (List.of("succeeded", "failed").contains(job.getString("state"))) {
                return job;
            }
        }
        JsonPath last = job;
        assertTrue(false, () -> "job " + jobId + " did not finish within 180 s: " + last.prettify());
        return job;
    }

    /** Runs the job at {@code path} and checks it succeeded at 100 %. */
    public static JsonPath succeed(String key, String path) {
        JsonPath job = start(key, path);
        assertEquals("succeeded", job.getString("state"), () -> job.prettify());
        assertEquals(100, job.getInt("percent"));
        return job;
    }
}
