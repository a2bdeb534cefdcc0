package dev.intake.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK's HTTP server on an ephemeral loopback port, a thread per exchange (a long poll holds one).
 * It writes a response's headers and body separately: with Nagle's algorithm on, the body would wait for
 * the peer's delayed ACK (40 ms on Linux), which would be measured as the function's own latency, so
 * sockets are opened with TCP_NODELAY.
 */
final class LoopbackHttp implements AutoCloseable {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads;

    private LoopbackHttp(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static LoopbackHttp serve(String name, HttpHandler handler) {
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(threads);
            server.createContext("/", handler);
            server.start();
            return new LoopbackHttp(server, threads);
        } catch (IOException e) {
            threads.shutdown();
            throw new UncheckedIOException("could not open a loopback port for " + name, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving and interrupts the exchanges still waiting (long polls). */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
