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

    /** The finished job, by one long poll (GET …?wait=60); fails when it is still unfinished after that. */
    public static JsonPath await(String key, String jobId) {
        JsonPath job = as(key).get("/api/v1/jobs/" + jobId + "?wait=60").then().statusCode(200).extract().jsonPath();
        assertTrue(List.of("succeeded", "failed").contains(job.getString("state")),
                () -> "job " + jobId + " did not finish within 60 s: " + job.prettify());
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
