package org.revops.integration.webhook;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.revops.platform.error.ApiProblem;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which webhook URLs are accepted: absolute http(s) URLs with a host, no credentials, at most 2,000 characters, and
 * never this service itself (its own port on a loopback, wildcard or configured host): a subscription pointing at
 * the API would have it call itself in a loop. With {@code revops.webhooks.allow-private-networks=false}, literal
 * {@link PrivateAddresses} and {@code localhost} are refused too; names are not resolved here but when a delivery is
 * sent ({@link WebhookSender}), so a name that points, or later comes to point, at a private address is never called.
 */
@ApplicationScoped
public class WebhookUrls {
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "localhost.localdomain", "0.0.0.0", "::",
            "127.0.0.1", "::1");

    private final WebhookConfig config;

    public WebhookUrls(WebhookConfig config) {
        this.config = config;
    }

    /** The URL, normalised; 422 on {@code field} when it is not acceptable. */
    public String check(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.invalid(field, "is required");
        }
        String value = text.trim();
        if (value.length() > 2000) {
            throw ApiProblem.invalid(field, "must be at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw ApiProblem.invalid(field, "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiProblem.invalid(field, "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ApiProblem.invalid(field, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ApiProblem.invalid(field, "must not carry credentials; sign-in data belongs in the receiver's check "
                    + "of the Revops-Signature header");
        }
        String host = bare(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (port == ownPort() && (LOCAL_NAMES.contains(host) || host.equals(ownHost()) || isLoopbackLiteral(host))) {
            throw ApiProblem.invalid(field, "points at this service itself");
        }
        if (!config.allowPrivateNetworks() && (LOCAL_NAMES.contains(host) || isPrivateLiteral(host))) {
            throw ApiProblem.invalid(field, "points at a private network address, which this service does not call");
        }
        return uri.toString();
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * The port this service listens on. With port 0 (tests) Quarkus picks a free one and publishes it as a system
     * property, which is read before the configured value.
     */
    private static int ownPort() {
        String name = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String published = System.getProperty(name);
        Config config = ConfigProvider.getConfig();
        String value = published != null ? published : config.getOptionalValue(name, String.class).orElse("8080");
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 8080;
        }
    }

    private static String ownHost() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0")
                .toLowerCase(Locale.ROOT);
    }

    /** Literal IP addresses only: a name is never looked up here (no DNS on the request path). */
    private static InetAddress literal(String host) {
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private static boolean isLoopbackLiteral(String host) {
        InetAddress address = literal(host);
        return address != null && (address.isLoopbackAddress() || address.isAnyLocalAddress());
    }

    private static boolean isPrivateLiteral(String host) {
        InetAddress address = literal(host);
        return address != null && PrivateAddresses.isPrivate(address);
    }
}
