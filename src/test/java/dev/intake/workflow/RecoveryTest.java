package dev.intake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.smallrye.config.WithDefault;

import dev.intake.steps.StepsConfig;
import dev.intake.steps.SweeperConfig;

/** The defaults resume or fail a stalled interview within two minutes, in `serve` and in AWS. */
class RecoveryTest {

    private static final Duration TWO_MINUTES = Duration.ofMinutes(2);
    /** The deployment's sweep schedule (infra IntakeStack, rate(1 minute): the finest EventBridge allows). */
    private static final Duration AWS_SCHEDULE = Duration.ofMinutes(1);

    private static Duration defaultOf(Class<?> type, String key) throws NoSuchMethodException {
        return Duration.parse(type.getMethod(key).getAnnotation(WithDefault.class).value());
    }

    @Test
    void the_defaults_bring_a_stalled_interview_to_a_resume_or_an_error_within_two_minutes_in_serve_and_in_aws()
            throws NoSuchMethodException {
        Duration lease = defaultOf(StepsConfig.class, "lease");
        Duration stalledAfter = defaultOf(SweeperConfig.class, "stalledAfter");
        Duration jitter = defaultOf(SweeperConfig.class, "jitter");
        Duration serve = Recovery.within(lease, stalledAfter, defaultOf(SweeperConfig.class, "every"), jitter);
        Duration aws = Recovery.within(lease, stalledAfter, AWS_SCHEDULE, jitter);

        assertTrue(serve.compareTo(TWO_MINUTES) <= 0, "serve: " + serve);
        assertTrue(aws.compareTo(TWO_MINUTES) <= 0, "AWS: " + aws);
    }

    @Test
    void a_stall_is_seen_once_both_the_threshold_and_the_lease_have_run_out_then_within_one_sweep() {
        assertEquals(Duration.ofSeconds(55 + 30 + 5), Recovery.within(Duration.ofSeconds(54), Duration.ofSeconds(55),
                Duration.ofSeconds(30), Duration.ofSeconds(5)));
        assertEquals(Duration.ofSeconds(120 + 30), Recovery.within(Duration.ofSeconds(120), Duration.ofSeconds(55),
                Duration.ofSeconds(30), Duration.ZERO), "a lease longer than the threshold holds the stall back");
    }
}
