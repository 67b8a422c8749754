package org.revops.integration.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A webhook receiver for tests: a JDK HTTP server on 127.0.0.1 and a free port that records every request, checks
 * its signature exactly as the README tells receivers to, and answers from a script (default 200).
 */
final class Receiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scripted answer: status, optional Retry-After, and how long to wait before answering. */
    record Answer(int status, String retryAfter, long delayMillis) {
        Answer(int status, String retryAfter) {
            this(status, retryAfter, 0);
        }
    }

    /** A request as received. */
    record Received(long atNanos, String deliveryId, String timestamp, String signature, String body, JsonNode json,
                    boolean signatureValid) {
        List<JsonNode> events() {
            List<JsonNode> events = new ArrayList<>();
            json.get("events").forEach(events::add);
            return events;
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Notified on every request received, so waiting tests wake at once rather than polling. */
    private final Object arrivals = new Object();
    /** Released on close: a slow answer holds its request until its delay passed or the test ended. */
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);
    private volatile List<String> secrets = List.of();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("Revops-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("Revops-Signature");
            received.add(new Received(System.nanoTime(), exchange.getRequestHeaders().getFirst("Revops-Delivery-Id"),
                    timestamp, signature, body, JSON.readTree(body), verify(secrets, timestamp, body, signature)));
            synchronized (arrivals) {
                arrivals.notifyAll();
            }
            Answer answer = script.poll();
            int status = answer == null ? 200 : answer.status();
            if (answer != null && answer.delayMillis() > 0) {
                try {
                    closing.await(answer.delayMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (answer != null && answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        // Several threads, so a slow answer (a timeout test) does not hold the next request.
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /**
     * The documented check: HMAC-SHA256 of {@code timestamp + "." + body} with the secret, hex, compared in constant
     * time with each {@code v1=} of the header; true when one of the secrets signed it.
     */
    static boolean verify(List<String> secrets, String timestamp, String body, String header) {
        if (timestamp == null || header == null) {
            return false;
        }
        for (String secret : secrets) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                        .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
                for (String part : header.split(",")) {
                    String value = part.trim();
                    if (value.startsWith("v1=") && MessageDigest.isEqual(expected,
                            value.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                        return true;
                    }
                }
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The secrets a signature is checked against (the current one, and during a rotation the previous one). */
    void trust(String... secrets) {
        this.secrets = List.of(secrets);
    }

    void answer(Answer... answers) {
        script.addAll(List.of(answers));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Every event received so far, in the order received. */
    List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        received.forEach(r -> events.addAll(r.events()));
        return events;
    }

    /** Waits (bounded) until the requests received satisfy {@code done}; fails with what was received if not. */
    List<Received> await(Predicate<List<Received>> done, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (arrivals) {
            for (long left = atMost.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                if (done.test(received())) {
                    return received();
                }
                arrivals.wait(Math.max(1, left / 1_000_000));
            }
        }
        if (done.test(received())) {
            return received();
        }
        throw new AssertionError("the receiver did not get what was expected within " + atMost + "; got "
                + received().stream().map(Received::body).toList());
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
