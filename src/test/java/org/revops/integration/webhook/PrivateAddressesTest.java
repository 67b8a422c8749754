package org.revops.integration.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrivateAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "0.0.0.0", "0.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.1", "::1", "::", "fc00::1",
            "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::127.0.0.1",
            "64:ff9b::a9fe:a9fe"})
    void privateLoopbackLinkLocalAndTheirIpv6FormsAreRefused(String address) throws Exception {
        assertTrue(PrivateAddresses.isPrivate(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.128.0.1", "100.63.255.255", "172.32.0.1", "192.169.0.1",
            "11.0.0.1", "2001:4860:4860::8888", "2606:4700::1111", "64:ff9b::808:808"})
    void publicAddressesAreCalled(String address) throws Exception {
        assertFalse(PrivateAddresses.isPrivate(InetAddress.getByName(address)), address);
    }
}
