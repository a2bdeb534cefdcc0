package dev.intake.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.workflow.Step;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A step's run reaches the X-Ray daemon (a UDP socket here) as a subsegment of the invocation's trace,
 * in the daemon's wire format and the segment document's rules, annotated with the interview.
 */
class StepTracesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    private static final String PARENT = "53995c3f42cd8ad8";
    private static final Instant NOW = Instant.parse("2026-11-29T06:30:00Z");

    private DatagramSocket daemon;
    private final AtomicReference<String> header = new AtomicReference<>();
    private StepTraces traces;

    @BeforeEach
    void aDaemon() throws IOException {
        daemon = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        daemon.setSoTimeout(2_000);
        traces = new StepTraces(Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), daemon.getLocalPort())),
                header::get, JSON, Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private String received() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        daemon.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void a_completed_step_is_a_subsegment_of_the_invocation_annotated_with_its_interview() throws IOException {
        header.set("Root=" + ROOT + ";Parent=" + PARENT + ";Sampled=1");
        UUID interview = UUID.randomUUID();

        traces.onStep(new StepEvent(interview, Step.EVIDENCE, StepEvent.Phase.COMPLETED, Duration.ofMillis(1_250), null));

        String datagram = received();
        String[] lines = datagram.split("\n", 2);
        assertEquals("{\"format\": \"json\", \"version\": 1}", lines[0], "the daemon's header line");
        JsonNode segment = JSON.readTree(lines[1]);
        assertEquals("subsegment", segment.get("type").asText());
        assertEquals(ROOT, segment.get("trace_id").asText());
        assertEquals(PARENT, segment.get("parent_id").asText(), "under the function's own segment");
        assertTrue(segment.get("id").asText().matches("[0-9a-f]{16}"), segment.get("id").asText());
        assertEquals("step-evidence", segment.get("name").asText());
        assertEquals(NOW.getEpochSecond(), segment.get("end_time").asDouble(), 0.0005);
        assertEquals(1.25, segment.get("end_time").asDouble() - segment.get("start_time").asDouble(), 0.0005);
        assertEquals(interview.toString(), segment.at("/annotations/interview_id").asText());
        assertEquals("evidence", segment.at("/annotations/step").asText());
        assertEquals("completed", segment.at("/annotations/outcome").asText());
        segment.get("annotations").fieldNames().forEachRemaining(key ->
                assertTrue(key.matches("[A-Za-z0-9_]{1,500}"), "an annotation key X-Ray indexes: " + key));
        assertFalse(segment.has("error"));
    }

    @Test
    void a_failed_step_is_marked_as_an_error() throws IOException {
        header.set("Root=" + ROOT + ";Parent=" + PARENT + ";Sampled=1");

        traces.onStep(new StepEvent(UUID.randomUUID(), Step.UPLOAD, StepEvent.Phase.FAILED, Duration.ofMillis(40), "no media"));

        JsonNode segment = JSON.readTree(received().split("\n", 2)[1]);
        assertTrue(segment.get("error").asBoolean());
        assertEquals("failed", segment.at("/annotations/outcome").asText());
    }

    @Test
    void nothing_is_sent_for_an_unsampled_invocation_a_missing_header_or_a_step_that_only_started() {
        header.set("Root=" + ROOT + ";Parent=" + PARENT + ";Sampled=0");
        traces.onStep(new StepEvent(UUID.randomUUID(), Step.UPLOAD, StepEvent.Phase.COMPLETED, Duration.ofMillis(5), null));
        header.set(null);
        traces.onStep(new StepEvent(UUID.randomUUID(), Step.UPLOAD, StepEvent.Phase.COMPLETED, Duration.ofMillis(5), null));
        header.set("Root=" + ROOT + ";Parent=" + PARENT + ";Sampled=1");
        traces.onStep(new StepEvent(UUID.randomUUID(), Step.UPLOAD, StepEvent.Phase.STARTED, Duration.ZERO, null));

        assertThrows(SocketTimeoutException.class, this::received);
    }

    @Test
    void the_daemon_address_is_read_in_both_of_its_forms() {
        assertEquals(Optional.of(new InetSocketAddress("169.254.79.129", 2000)), StepTraces.udpAddress("169.254.79.129:2000"));
        assertEquals(Optional.of(new InetSocketAddress("127.0.0.1", 2001)),
                StepTraces.udpAddress("tcp:127.0.0.1:2000 udp:127.0.0.1:2001"));
        assertEquals(Optional.empty(), StepTraces.udpAddress("not an address"));
    }
}
