package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.testing.StalledInterviews;
import dev.intake.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * `intake serve` on a configured database leaves sweeping to the deployment's schedule: resumed here,
 * that database's interviews would run on this process's providers.
 */
@QuarkusTest
class ServeOnConfiguredDatabaseTest {

    @Inject
    CommandLine.IFactory factory;
    @Inject
    StalledInterviews stalled;
    @Inject
    TestData data;

    @Test
    void serve_on_a_configured_database_resumes_nothing_of_it() throws Exception {
        UUID abandoned = stalled.uploadedThenAbandoned();
        var before = data.interview(abandoned);
        TestData.Project project = data.project();

        String out = ServeCommandTest.serveUntil(factory, () -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "--project", project.projectId().toString());

        assertTrue(out.contains("not sweeping: a configured database is swept by its deployment"), out);
        assertTrue(out.contains("account " + project.accountId() + ", project " + project.projectId()), out);
        assertEquals(before.updatedAt(), data.interview(abandoned).updatedAt());
    }
}
