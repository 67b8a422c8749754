// bench/WebhookReceiver.java: the receiving end of `make bench-webhooks`, run as `java bench/WebhookReceiver.java
// <port> <secret> <out file>`. A JDK HTTP server on 127.0.0.1 that checks every delivery's signature as the README
// says (HMAC-SHA256 of "<Revops-Timestamp>.<body>"), counts events by id (de-duplicated), and after each request
// rewrites <out file> with: events, duplicates, bad signatures, and the epoch milliseconds of the first and last request.
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class WebhookReceiver {
    private static final Pattern EVENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"type\"");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] secret = args[1].getBytes(StandardCharsets.UTF_8);
        Path out = Path.of(args[2]);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong badSignatures = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long now = System.currentTimeMillis();
            first.compareAndSet(0, now);
            String timestamp = exchange.getRequestHeaders().getFirst("Revops-Timestamp");
            String header = exchange.getRequestHeaders().getFirst("Revops-Signature");
            if (!verified(secret, timestamp, body, header)) {
                badSignatures.incrementAndGet();
            }
            Matcher m = EVENT_ID.matcher(new String(body, StandardCharsets.UTF_8));
            while (m.find()) {
                if (!seen.add(m.group(1))) {
                    duplicates.incrementAndGet();
                }
            }
            last.set(now);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            synchronized (out) {   // written aside and moved, so a reader never sees a half-written file
                Path next = out.resolveSibling(out.getFileName() + ".next");
                Files.writeString(next, seen.size() + " " + duplicates.get() + " " + badSignatures.get() + " "
                        + first.get() + " " + last.get() + "\n");
                Files.move(next, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        });
        server.start();
        System.out.println("listening on 127.0.0.1:" + port);
    }

    static boolean verified(byte[] secret, String timestamp, byte[] body, String header) {
        if (timestamp == null || header == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            for (String part : header.split(",")) {
                String v = part.trim();
                if (v.startsWith("v1=") && MessageDigest.isEqual(expected, v.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
