package dev.intake.testing;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One WireMock server on loopback for the test JVM, standing in for Recall.ai and for media hosts.
 * The application reaches it only because the tests allow-list its host:port; the default
 * configuration refuses loopback.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    private static final String PORT = "embedded.test.wiremock.port";

    /**
     * A client of the running server, for tests to stub and verify. Quarkus loads test classes again
     * for every test profile, so the server is found by its port (a JVM-wide system property), not by
     * a static field, and driven through its admin API.
     */
    public static WireMock server() {
        return new WireMock("127.0.0.1", port());
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public static synchronized int port() {
        String port = System.getProperty(PORT);
        if (port == null) {
            WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            port = String.valueOf(server.port());
            System.setProperty(PORT, port);
        }
        return Integer.parseInt(port);
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "intake.recall.base-url", baseUrl(),
                "intake.url-import.allow-http", "true",
                "intake.url-import.allowed-hosts", "127.0.0.1:" + port());
    }

    @Override
    public void stop() {
        // Shared by every test profile; stopped when the JVM exits.
    }
}
