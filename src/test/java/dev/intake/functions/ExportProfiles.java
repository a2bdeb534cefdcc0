package dev.intake.functions;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** One application per exported function, as each Lambda runs: the mock event server invokes that one. */
final class ExportProfiles {

    private ExportProfiles() {
    }

    public static final class RecallWebhook implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "recall-webhook");
        }
    }

    public static final class UrlImport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "url-import");
        }
    }

    public static final class InterviewStatus implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "interview-status");
        }
    }

    /** ops-console as deployed: not on local data, with one operator on the allow-list. */
    public static final class OpsConsole implements QuarkusTestProfile {
        public static final String OPERATOR = "6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "ops-console", "intake.console.operators", OPERATOR);
        }
    }
}
