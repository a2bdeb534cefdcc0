package dev.intake.media;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import dev.intake.media.UrlGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {

    private final UrlGuard guard = new UrlGuard(false, List.of());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://127.0.0.1/a.mp4                 | a loopback address",
            "https://127.8.9.10/a.mp4                | a loopback address",
            "https://localhost/a.mp4                 | a loopback address",
            "https://10.0.0.5/a.mp4                  | a private address",
            "https://172.16.0.1/a.mp4                | a private address",
            "https://172.31.255.255/a.mp4            | a private address",
            "https://192.168.1.1/a.mp4               | a private address",
            "https://100.64.0.1/a.mp4                | a shared (carrier-grade NAT) address",
            "https://169.254.169.254/latest/meta-data | the cloud metadata address",
            "https://169.254.10.1/a.mp4              | a link-local address",
            "https://0.0.0.0/a.mp4                   | an unspecified address",
            "https://224.0.0.1/a.mp4                 | a multicast address",
            "https://255.255.255.255/a.mp4           | a reserved address",
            "https://[::1]/a.mp4                     | a loopback address",
            "https://[::]/a.mp4                      | an unspecified address",
            "https://[fe80::1]/a.mp4                 | a link-local address",
            "https://[fc00::1]/a.mp4                 | a private (unique local) address, where cloud metadata services also live",
            "https://[fd00:ec2::254]/a.mp4           | a private (unique local) address, where cloud metadata services also live",
            "https://[ff02::1]/a.mp4                 | a multicast address",
            "https://[::ffff:127.0.0.1]/a.mp4        | a loopback address",
            "https://[::ffff:7f00:1]/a.mp4           | a loopback address",
            "https://[::ffff:169.254.169.254]/a.mp4  | the cloud metadata address",
            "https://[::127.0.0.1]/a.mp4             | an IPv6 form of a loopback address",
            "https://[64:ff9b::a9fe:a9fe]/a.mp4      | an IPv6 form of the cloud metadata address",
            "https://[2002:a00:1::]/a.mp4            | an IPv6 form of a private address",
            "https://2130706433/a.mp4                | a loopback address",
            "https://0177.0.0.1/a.mp4                | a loopback address",
            "https://0x7f.0.0.1/a.mp4                | a loopback address",
            "https://0x7f000001/a.mp4                | a loopback address",
            "https://017700000001/a.mp4              | a loopback address",
            "https://127.1/a.mp4                     | a loopback address",
            "https://2852039166/latest/meta-data     | the cloud metadata address",
    })
    void every_spelling_of_a_forbidden_address_is_refused(String url, String reason) {
        var e = assertThrows(UrlGuard.UnsafeUrlException.class, () -> guard.check(url));
        assertTrue(e.getMessage().endsWith(", " + reason), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/a.mp4", "ftp://93.184.215.14/a.mp4", "file:///etc/passwd", "//93.184.215.14/a"})
    void only_https_is_accepted_by_default(String url) {
        assertTrue(assertThrows(UrlGuard.UnsafeUrlException.class, () -> guard.check(url)).getMessage()
                .startsWith("only https URLs are accepted"));
    }

    @Test
    void urls_with_credentials_or_without_a_host_are_refused() {
        assertEquals("URLs with credentials are not accepted",
                assertThrows(UrlGuard.UnsafeUrlException.class, () -> guard.check("https://user:pw@93.184.215.14/a")).getMessage());
        assertEquals("the URL has no host",
                assertThrows(UrlGuard.UnsafeUrlException.class, () -> guard.check("https:///a.mp4")).getMessage());
        assertThrows(UrlGuard.UnsafeUrlException.class, () -> guard.check("not a url"));
    }

    @Test
    void a_numeric_host_that_is_not_an_address_is_refused_rather_than_looked_up() {
        assertThrows(UrlGuard.UnsafeUrlException.class, () -> guard.check("https://1.2.3.4.5/a"));
        assertThrows(UrlGuard.UnsafeUrlException.class, () -> guard.check("https://1.256.1.1/a"));
        assertThrows(UrlGuard.UnsafeUrlException.class, () -> guard.check("https://09.1.1.1/a"));
    }

    @Test
    void a_public_address_is_accepted() {
        assertDoesNotThrow(() -> guard.check("https://93.184.215.14/interview.mp4"));
        assertDoesNotThrow(() -> guard.check("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/a.mp4"));
        assertTrue(UrlGuard.whyForbidden(UrlGuard.numericIpv4("8.8.8.8")).isEmpty());
    }

    @Test
    void an_allow_listed_host_and_port_is_exempt_but_only_that_port() throws Exception {
        UrlGuard local = new UrlGuard(true, List.of("127.0.0.1:8089"));
        assertTrue(local.isAllowListed(URI.create("http://127.0.0.1:8089/a.vtt")));
        assertFalse(local.isAllowListed(URI.create("http://127.0.0.1:8090/a.vtt")));
        assertFalse(local.isAllowListed(URI.create("http://localhost:8089/a.vtt")));
        assertDoesNotThrow(() -> local.check("http://127.0.0.1:8089/a.vtt"));
        assertThrows(UrlGuard.UnsafeUrlException.class, () -> local.check("http://127.0.0.1:8090/a.vtt"));
        assertThrows(UrlGuard.UnsafeUrlException.class, () -> local.check("http://127.0.0.1/a.vtt"));
        assertEquals(InetAddress.getByName("127.0.0.1"), local.resolveForConnection("127.0.0.1")[0]);
        assertThrows(UrlGuard.UnsafeUrlException.class, () -> local.resolveForConnection("localhost"));
        assertThrows(UrlGuard.UnsafeUrlException.class, () -> local.resolve("127.0.0.1"));
    }
}
