package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import dev.intake.steps.StepsConfig;

/** The connection limits production runs with (the test profile leaves them as they are). */
@QuarkusTest
class PoolSettingsTest {

    /** How long AWS NAT gateways and load balancers keep a TCP flow nobody uses. */
    private static final Duration NAT_IDLE_TIMEOUT = Duration.ofSeconds(350);

    @ConfigProperty(name = "quarkus.datasource.reactive.idle-timeout")
    Duration idleTimeout;
    @ConfigProperty(name = "quarkus.datasource.reactive.max-lifetime")
    Duration maxLifetime;
    @Inject
    DatabaseConfig database;
    @Inject
    StepsConfig steps;

    @Test
    void pooled_connections_are_dropped_before_the_network_or_a_pooler_forgets_them() {
        assertEquals(Duration.ofMinutes(1), idleTimeout);
        assertEquals(Duration.ofMinutes(5), maxLifetime);
        assertTrue(idleTimeout.compareTo(NAT_IDLE_TIMEOUT) < 0, "a connection idle while its Lambda is frozen is"
                + " dropped by the pool before a NAT gateway silently drops its flow");
        assertTrue(maxLifetime.compareTo(idleTimeout) > 0);
    }

    @Test
    void a_silent_database_is_given_up_on_before_the_next_heartbeat_is_due() {
        Duration statementTimeout = database.statementTimeout();
        assertEquals(Duration.ofSeconds(30), statementTimeout);
        assertEquals(Duration.ofSeconds(10), database.acquireTimeout());
        // Heartbeats renew the lease every third of it; a renewal that hangs (statement timeout, then 5 s of
        // grace for the answer) ends before the lease the last good beat set runs out, so the next beat
        // still finds the step's lease its own.
        Duration beat = steps.lease().dividedBy(3);
        assertTrue(beat.plus(statementTimeout).plusSeconds(5).compareTo(steps.lease()) < 0,
                beat + " + " + statementTimeout + " + 5 s vs " + steps.lease());
    }
}
