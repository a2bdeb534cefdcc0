package dev.intake.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** As the launcher runs a command when no database is configured: on local data, where serve's local user is an operator. */
public class LocalMode implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("intake.local-mode", "true");
    }
}
