package dev.intake.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.intake.media.MediaConfig;
import dev.intake.media.UrlImportConfig;
import dev.intake.providers.http.ProviderCallsConfig;
import dev.intake.secrets.SecretsConfig;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.DatabaseConfig;
import dev.intake.testing.ConfigMappings;
import io.smallrye.config.SmallRyeConfig;

/**
 * The checked-in budgets infra checks its Lambda timeouts against are the ones production's
 * configuration gives: a limit changed in application.properties or a floor's configuration fails this test until
 * the file (and so infra's check) follows. Regenerate with
 * {@code mvn test -Dtest=TimeBudgetsTest -Dbudgets.update=true}.
 */
class TimeBudgetsTest {

    static final Path CHECKED_IN = Path.of("infra/src/main/resources/time-budgets.json");

    /** Production's configuration: application.properties and the defaults, in the prod profile, no environment. */
    static SmallRyeConfig production(Map<String, String> overrides) throws IOException {
        return ConfigMappings.of("prod", overrides);
    }

    static TimeBudgets.Limits limits(Map<String, String> overrides) throws IOException {
        SmallRyeConfig config = production(overrides);
        return new TimeBudgets.Limits(config.getConfigMapping(ProviderCallsConfig.class),
                config.getConfigMapping(DatabaseConfig.class), config.getConfigMapping(EngineConfig.class),
                config.getConfigMapping(SecretsConfig.class), config.getConfigMapping(UrlImportConfig.class),
                config.getConfigMapping(MediaConfig.class), config.getConfigMapping(SweeperConfig.class),
                config.getConfigMapping(EventBudgetConfig.class), config.getValue("quarkus.s3.api-call-timeout", Duration.class));
    }

    @Test
    void the_checked_in_budgets_are_the_ones_the_production_configuration_gives() throws IOException {
        String generated = TimeBudgets.json(limits(Map.of()));
        if (Boolean.getBoolean("budgets.update")) {
            Files.writeString(CHECKED_IN, generated);
        }
        assertEquals(generated, Files.readString(CHECKED_IN),
                CHECKED_IN + " is not what the configuration gives; regenerate it with -Dbudgets.update=true");
    }

    @Test
    void a_longer_provider_timeout_makes_the_analysis_steps_and_the_upload_step_need_longer() throws IOException {
        Map<String, Duration> before = TimeBudgets.of(limits(Map.of()));
        Map<String, Duration> after = TimeBudgets.of(limits(Map.of("intake.providers.timeout", "PT300S")));
        // Three attempts, each three minutes longer.
        assertEquals(before.get("step-evidence").plusMinutes(9), after.get("step-evidence"));
        // A transcription call then takes longer than the longest copy or Recall.ai exchange.
        assertTrue(after.get("step-upload").compareTo(before.get("step-upload")) > 0);
        assertEquals(before.get("url-import"), after.get("url-import"));
    }

    @Test
    void a_larger_media_limit_makes_the_copy_and_so_the_upload_step_need_longer() throws IOException {
        Map<String, Duration> before = TimeBudgets.of(limits(Map.of()));
        Map<String, Duration> after = TimeBudgets.of(limits(Map.of("intake.url-import.max-bytes",
                String.valueOf(10L * 1024 * 1024 * 1024))));
        // 5 GiB more at 16 MiB/s.
        assertEquals(before.get("step-upload").plusSeconds(320), after.get("step-upload"));
    }

    @Test
    void a_sweep_is_bounded_by_its_time_budget_and_the_interview_in_hand() throws IOException {
        Map<String, Duration> before = TimeBudgets.of(limits(Map.of()));
        Map<String, Duration> after = TimeBudgets.of(limits(Map.of("intake.sweeper.time-budget", "PT2M")));
        assertEquals(before.get("sweep-stuck").plusSeconds(60), after.get("sweep-stuck"));
    }

    @Test
    void a_longer_secrets_manager_timeout_makes_every_function_that_reads_the_app_secret_need_longer() throws IOException {
        Map<String, Duration> before = TimeBudgets.of(limits(Map.of()));
        Map<String, Duration> after = TimeBudgets.of(limits(Map.of("intake.secrets.api-call-timeout", "PT15S")));
        // A read and a read again after a refusal, each ten seconds longer.
        for (String reader : java.util.List.of("upload-completed", "recall-webhook", "url-import", "interview-status",
                "ops-console", "step-upload", "step-evidence", "step-answers")) {
            assertEquals(before.get(reader).plusSeconds(20), after.get(reader), reader);
        }
        for (String other : java.util.List.of("sweep-stuck", "step-finalize", "step-failed")) {
            assertEquals(before.get(other), after.get(other), other);
        }
    }

    @Test
    void every_entry_and_step_function_has_a_budget() throws IOException {
        Map<String, Duration> budgets = TimeBudgets.of(limits(Map.of()));
        for (dev.intake.workflow.Step step : dev.intake.workflow.Step.values()) {
            assertTrue(budgets.containsKey("step-" + step.key()), step.key());
        }
        assertTrue(budgets.keySet().containsAll(java.util.List.of("upload-completed", "recall-webhook", "url-import",
                "interview-status", "ops-console", "sweep-stuck", "step-failed")));
    }
}
