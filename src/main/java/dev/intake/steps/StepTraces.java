package dev.intake.steps;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Each step run as an X-Ray subsegment of its Lambda invocation's trace, annotated with the interview,
 * step and run, so one interview's path through Step Functions and every function is found by its id
 * ({@code annotation.interview_id = "..."}). Sent as the X-Ray SDK sends it, one UDP datagram to the
 * daemon Lambda runs when tracing is active ({@code AWS_XRAY_DAEMON_ADDRESS}), which costs the step
 * nothing it waits for; the SDK itself is not needed for this. The invocation's trace header is the
 * property Lambda's Java runtime (and the native runtime) sets before each invocation.
 */
@ApplicationScoped
public class StepTraces {

    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    private static final byte[] HEADER = "{\"format\": \"json\", \"version\": 1}\n".getBytes(StandardCharsets.UTF_8);

    private final Optional<InetSocketAddress> daemon;
    private final Supplier<String> traceHeader;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    @Inject
    StepTraces(@ConfigProperty(name = "aws.xray.daemon.address") Optional<String> daemonAddress, ObjectMapper json,
               Clock clock, MeterRegistry meters) {
        this(daemonAddress.flatMap(StepTraces::udpAddress), () -> System.getProperty(TRACE_HEADER_PROPERTY), json, clock, meters);
    }

    StepTraces(Optional<InetSocketAddress> daemon, Supplier<String> traceHeader, ObjectMapper json, Clock clock,
               MeterRegistry meters) {
        this.daemon = daemon;
        this.traceHeader = traceHeader;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /** {@code host:port}, or the daemon's two-protocol form {@code tcp:host:port udp:host:port}. */
    static Optional<InetSocketAddress> udpAddress(String configured) {
        for (String part : configured.trim().split("\\s+")) {
            String address = part.startsWith("udp:") ? part.substring(4) : part;
            if (part.startsWith("tcp:")) {
                continue;
            }
            int colon = address.lastIndexOf(':');
            if (colon > 0) {
                try {
                    return Optional.of(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
                } catch (IllegalArgumentException notAnAddress) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    void onStep(@Observes StepEvent event) {
        if (event.phase() == StepEvent.Phase.STARTED || daemon.isEmpty()) {
            return;
        }
        Optional<TraceHeader> header = TraceHeader.parse(traceHeader.get());
        if (header.isEmpty() || !header.get().sampled()) {
            return;
        }
        double end = clock.millis() / 1000.0;
        ObjectNode segment = json.createObjectNode()
                .put("name", "step-" + event.step().key())
                .put("id", HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()))
                .put("trace_id", header.get().root())
                .put("parent_id", header.get().parent())
                .put("type", "subsegment")
                .put("start_time", end - event.took().toNanos() / 1e9)
                .put("end_time", end);
        if (event.phase() == StepEvent.Phase.FAILED) {
            segment.put("error", true);
        }
        ObjectNode annotations = segment.putObject("annotations")
                .put("interview_id", event.interviewId().toString())
                .put("step", event.step().key())
                .put("outcome", event.phase().name().toLowerCase());
        Object run = MDC.get("run_id");
        if (run != null) {
            annotations.put("run_id", run.toString());
        }
        send(segment);
    }

    private void send(ObjectNode segment) {
        byte[] body = segment.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer datagram = ByteBuffer.allocate(HEADER.length + body.length).put(HEADER).put(body).flip();
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.send(datagram, daemon.get());
        } catch (IOException e) {
            // A trace lost is not an interview lost: counted, so a daemon that stopped taking them shows.
            meters.counter("intake.traces.dropped").increment();
        }
    }

    /** {@code Root=1-...;Parent=...;Sampled=1}, as Lambda passes it. */
    record TraceHeader(String root, String parent, boolean sampled) {

        static Optional<TraceHeader> parse(String header) {
            if (header == null || header.isBlank()) {
                return Optional.empty();
            }
            String root = null;
            String parent = null;
            boolean sampled = false;
            for (String field : header.split(";")) {
                String[] pair = field.trim().split("=", 2);
                if (pair.length == 2) {
                    switch (pair[0]) {
                        case "Root" -> root = pair[1];
                        case "Parent" -> parent = pair[1];
                        case "Sampled" -> sampled = pair[1].equals("1");
                        default -> { }
                    }
                }
            }
            return root == null || parent == null ? Optional.empty() : Optional.of(new TraceHeader(root, parent, sampled));
        }
    }
}
