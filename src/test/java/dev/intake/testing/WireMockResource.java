package dev.intake.testing;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One WireMock server on loopback for the test JVM, standing in for Recall.ai and for media hosts.
 * The application reaches it only because the tests allow-list its host:port; the default
 * configuration refuses loopback.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    private static final String PORT = "embedded.test.wiremock.port";

    /** The running server, for tests to stub; the same instance across test profiles. */
    public static WireMockServer server() {
        return Holder.SERVER;
    }

    private static final class Holder {
        static final WireMockServer SERVER = start();

        private static WireMockServer start() {
            WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            System.setProperty(PORT, String.valueOf(server.port()));
            return server;
        }
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public static int port() {
        String port = System.getProperty(PORT);
        return port != null ? Integer.parseInt(port) : server().port();
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
