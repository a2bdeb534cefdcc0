package dev.intake.lambda;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TCP ports a process listens on, as the kernel reports them: the LISTEN sockets of
 * {@code /proc/<pid>/net/tcp} and {@code tcp6} whose inodes are among the process's open file descriptors.
 */
final class ListeningSockets {

    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** {@code "tcp 0.0.0.0:8080"}, {@code "tcp6 :::8080"}: one entry per listening socket the process holds. */
    static List<String> of(long pid) {
        Set<String> inodes = socketInodes(pid);
        List<String> listening = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", String.valueOf(pid), "net", table);
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + " (process " + pid + " gone?)", e);
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
                    listening.add(table + " " + address(fields[1]));
                }
            }
        }
        return listening;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    Matcher socket = SOCKET.matcher(Files.readSymbolicLink(fd).toString());
                    if (socket.matches()) {
                        inodes.add(socket.group(1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed between listing and reading: not a listener
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the descriptors of process " + pid, e);
        }
        return inodes;
    }

    /** {@code 0100007F:1F90} (little-endian IPv4) or the 32-digit IPv6 form, with its port, readable. */
    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String ip = parts[0];
        if (ip.length() == 8) {
            return Integer.parseInt(ip.substring(6, 8), 16) + "." + Integer.parseInt(ip.substring(4, 6), 16) + "."
                    + Integer.parseInt(ip.substring(2, 4), 16) + "." + Integer.parseInt(ip.substring(0, 2), 16) + ":" + port;
        }
        return (ip.chars().allMatch(c -> c == '0') ? "::" : "[" + ip + "]") + ":" + port;
    }
}
