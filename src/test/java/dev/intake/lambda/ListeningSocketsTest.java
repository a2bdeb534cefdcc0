package dev.intake.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The positive control of "no function listens on a TCP port" (LambdaRuntimeIT): the check it rests
 * on reports a process that listens, in this process and in another, and stops reporting a listener
 * once it is closed; a connection that only talks is not a listener.
 */
class ListeningSocketsTest {

    /** Another process that listens on an ephemeral port of 127.0.0.1, prints it, and waits to be ended. */
    public static final class Listener {
        public static void main(String[] args) throws Exception {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                System.out.println(socket.getLocalPort());
                System.out.flush();
                Thread.sleep(TimeUnit.MINUTES.toMillis(2));
            }
        }
    }

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void a_socket_listening_on_loopback_in_this_process_is_reported_with_its_port() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> reported = ListeningSockets.of(SELF);

            assertTrue(reported.stream().anyMatch(s -> s.endsWith(":" + listening.getLocalPort())), reported.toString());
        }
    }

    @Test
    void a_socket_listening_on_every_address_is_reported() throws Exception {
        try (ServerSocket listening = new ServerSocket()) {
            listening.bind(new InetSocketAddress(0));

            List<String> reported = ListeningSockets.of(SELF);

            assertTrue(reported.stream().anyMatch(s -> s.endsWith(":" + listening.getLocalPort())), reported.toString());
        }
    }

    @Test
    void a_closed_listener_and_a_connection_that_only_talks_are_not_reported() throws Exception {
        int closedPort;
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = listening.getLocalPort();
        }
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), other.getLocalPort());
             Socket accepted = other.accept()) {
            List<String> reported = ListeningSockets.of(SELF);

            assertFalse(reported.stream().anyMatch(s -> s.endsWith(":" + closedPort)), reported.toString());
            assertFalse(reported.stream().anyMatch(s -> s.endsWith(":" + client.getLocalPort())), reported.toString());
            assertEquals(1, reported.stream().filter(s -> s.endsWith(":" + other.getLocalPort())).count(), reported.toString());
        }
    }

    @Test
    void another_process_that_listens_is_reported_and_this_ones_listeners_are_not_counted_as_its() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Listener.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (ServerSocket ours = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
            int port = Integer.parseInt(line.strip());

            List<String> reported = ListeningSockets.of(child.pid());

            // One listener, reported with its port (as tcp, or tcp6 where Java binds IPv4 through an IPv6 socket).
            assertEquals(1, reported.size(), reported.toString());
            assertTrue(reported.get(0).endsWith(":" + port), reported.toString());
            assertFalse(reported.stream().anyMatch(s -> s.endsWith(":" + ours.getLocalPort())), reported.toString());
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
