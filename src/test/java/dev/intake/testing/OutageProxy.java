package dev.intake.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on loopback in front of a real server, which a test can take down (every open
 * connection reset, new ones refused) and bring back on the same port: a database or bucket outage
 * as the application sees it, with the real server untouched behind it.
 */
public final class OutageProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    public OutageProxy(int targetPort) {
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        up();
    }

    public int port() {
        return port;
    }

    /**
     * A port on loopback that takes "down" or "up" a line at a time and answers "ok": the switch for
     * tests, which may live in another class loader than the code that made this proxy.
     */
    public int controlPort() {
        try {
            ServerSocket control = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> serveControl(control), "outage-proxy-control-" + port);
            thread.setDaemon(true);
            thread.start();
            return control.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serveControl(ServerSocket control) {
        while (!control.isClosed()) {
            try (Socket client = control.accept();
                 var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream()));
                 var out = new java.io.PrintWriter(client.getOutputStream(), true)) {
                String command = in.readLine();
                if ("down".equals(command)) {
                    down();
                } else if ("up".equals(command)) {
                    up();
                }
                out.println("ok");
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Sends {@code command} ("down" or "up") to the proxy whose control port is {@code controlPort}. */
    public static void send(int controlPort, String command) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), controlPort);
             var out = new java.io.PrintWriter(socket.getOutputStream(), true);
             var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream()))) {
            out.println(command);
            if (!"ok".equals(in.readLine())) {
                throw new IllegalStateException("the outage proxy did not confirm '" + command + "'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach the outage proxy's control port " + controlPort, e);
        }
    }

    /** Accepts connections again, on the same port. */
    public synchronized void up() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
            Thread accept = new Thread(() -> accept(socket), "outage-proxy-" + port);
            accept.setDaemon(true);
            accept.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + port + " again", e);
        }
    }

    /** Resets every open connection and refuses new ones until {@link #up()}. */
    public synchronized void down() {
        ServerSocket socket = listener;
        listener = null;
        closeQuietly(socket);
        open.forEach(OutageProxy::closeQuietly);
        open.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException closed) {
                return; // down(): the listener was closed under accept
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ended) {
                // One side closed or was reset (an outage, or the connection ended): close the other.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "outage-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException alreadyGone) {
            // Closing what is already closed: nothing more to do.
        }
    }

    @Override
    public void close() {
        down();
    }
}
