package org.revops.integration.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The addresses a webhook never calls when private networks are not allowed: loopback, unspecified, private (RFC 1918
 * and IPv6 unique-local fc00::/7), link-local (where cloud metadata services answer, 169.254.169.254), carrier-grade
 * NAT (100.64.0.0/10), 0.0.0.0/8 and multicast, also when an IPv6 address carries one of them (IPv4-compatible and
 * NAT64 forms; Java already turns IPv4-mapped ones into IPv4). Pure: no lookups.
 */
final class PrivateAddresses {
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] ZEROS = new byte[12];

    private PrivateAddresses() {
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isSiteLocalAddress()
                || address.isLinkLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || first == 100 && (second & 0xc0) == 64;
        }
        if ((bytes[0] & 0xfe) == 0xfc) {
            return true;
        }
        byte[] prefix = Arrays.copyOfRange(bytes, 0, 12);
        if (Arrays.equals(prefix, ZEROS) || Arrays.equals(prefix, NAT64_PREFIX)) {
            try {
                return isPrivate(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
            } catch (UnknownHostException e) {
                return true;   // four bytes are always an address; refuse if Java ever thinks otherwise
            }
        }
        return false;
    }
}
