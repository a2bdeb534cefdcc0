package dev.intake.media;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.media.GuardedHttp;
import dev.intake.media.MediaDownload;
import dev.intake.media.UrlGuard;
import dev.intake.providers.http.CallFailure;
import dev.intake.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Redirects are followed one by one, each checked before any connection is made to it. */
@QuarkusTest
class GuardedHttpTest {

    @Inject
    GuardedHttp http;

    private static String redirecting(String to) {
        String path = "/redirect-" + UUID.randomUUID();
        WireMockResource.server().register(get(urlEqualTo(path)).willReturn(aResponse().withStatus(302).withHeader("Location", to)));
        return WireMockResource.baseUrl() + path;
    }

    @Test
    void a_redirect_to_the_cloud_metadata_address_is_refused() {
        var e = assertThrows(UrlGuard.UnsafeUrlException.class,
                () -> http.open(redirecting("http://169.254.169.254/latest/meta-data/iam/security-credentials/")));
        assertEquals("host 169.254.169.254 resolves to 169.254.169.254, the cloud metadata address", e.getMessage());
    }

    @Test
    void a_redirect_to_loopback_is_refused_even_from_an_allowed_host() {
        int otherPort = WireMockResource.port() + 1;
        var e = assertThrows(UrlGuard.UnsafeUrlException.class,
                () -> http.open(redirecting("http://127.0.0.1:" + otherPort + "/admin")));
        assertEquals("host 127.0.0.1 resolves to 127.0.0.1, a loopback address", e.getMessage());
        assertThrows(UrlGuard.UnsafeUrlException.class,
                () -> http.open(redirecting(WireMockResource.baseUrl().replace("127.0.0.1", "localhost") + "/x")));
    }

    @Test
    void a_redirect_to_a_relative_location_on_the_same_host_is_followed() throws IOException {
        String target = "/target-" + UUID.randomUUID() + ".vtt";
        WireMockResource.server().register(get(urlEqualTo(target))
                .willReturn(aResponse().withHeader("Content-Type", "text/vtt").withBody("WEBVTT\n")));
        try (MediaDownload download = http.open(redirecting(target))) {
            assertTrue(download.uri().toString().endsWith(target));
            assertEquals("text/vtt", download.contentType().orElseThrow());
            assertEquals("WEBVTT\n", new String(download.body().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void endless_redirects_are_cut_off() {
        String path = "/loop-" + UUID.randomUUID();
        WireMockResource.server().register(get(urlEqualTo(path)).willReturn(aResponse().withStatus(301).withHeader("Location", path)));
        CallFailure e = assertThrows(CallFailure.class, () -> http.open(WireMockResource.baseUrl() + path));
        assertEquals("fetching the media failed: more than 5 redirects from " + WireMockResource.baseUrl() + path, e.getMessage());
    }

    @Test
    void server_errors_are_transient_and_client_errors_permanent() {
        String busy = "/busy-" + UUID.randomUUID();
        WireMockResource.server().register(get(urlEqualTo(busy)).willReturn(aResponse().withStatus(503)));
        assertTrue(assertThrows(CallFailure.class, () -> http.open(WireMockResource.baseUrl() + busy)).isTransient());
        String gone = "/gone-" + UUID.randomUUID();
        WireMockResource.server().register(get(urlEqualTo(gone)).willReturn(aResponse().withStatus(410)));
        assertTrue(!assertThrows(CallFailure.class, () -> http.open(WireMockResource.baseUrl() + gone)).isTransient());
    }
}
