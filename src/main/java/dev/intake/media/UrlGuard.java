package dev.intake.media;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether Intake may fetch a URL: https (http only when allowed), and a host whose every
 * address is public. Private, loopback, link-local, multicast, unspecified, reserved and cloud-metadata
 * addresses are refused in every spelling: IPv4, IPv6, IPv4-mapped and -embedded IPv6, and the
 * decimal, octal and hex forms ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}) that some
 * resolvers accept. The check runs on the request, on every redirect, and on every connection's
 * resolved addresses, since DNS can change between them.
 */
public final class UrlGuard {

    private static final Pattern NUMERIC_HOST = Pattern.compile("^[0-9a-fA-Fx.]+$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

    private final boolean allowHttp;
    private final Set<String> allowedHostPorts;
    private final Set<String> allowedHosts;

    /** @param allowedHostPorts {@code host:port} pairs exempt from the address check (tests, local use) */
    public UrlGuard(boolean allowHttp, List<String> allowedHostPorts) {
        this.allowHttp = allowHttp;
        for (String entry : allowedHostPorts) {
            if (!entry.matches(".+:\\d+")) {
                throw new IllegalArgumentException("allowed host '" + entry + "' must be host:port");
            }
        }
        this.allowedHostPorts = Set.copyOf(allowedHostPorts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        this.allowedHosts = Set.copyOf(this.allowedHostPorts.stream().map(h -> h.substring(0, h.lastIndexOf(':'))).toList());
    }

    /** The guard the configuration describes ({@code intake.url-import.*}). */
    public static UrlGuard configured(UrlImportConfig config) {
        return new UrlGuard(config.allowHttp(), config.allowedHosts().orElse(List.of()));
    }

    /** Refusal of a URL: the reason is said to the caller (422). */
    public static final class UnsafeUrlException extends RuntimeException {
        public UnsafeUrlException(String message) {
            super(message);
        }
    }

    /**
     * Checks the URL's form and every address its host resolves to (unless its host:port is
     * allow-listed); returns it parsed.
     */
    public URI check(String url) {
        URI uri = checkForm(url);
        if (!isAllowListed(uri)) {
            resolve(uri.getHost());
        }
        return uri;
    }

    /** The URL's form only: scheme, host, port, no credentials. */
    public URI checkForm(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new UnsafeUrlException("'" + dev.intake.workflow.RedactedUrl.of(url) + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new UnsafeUrlException("only https URLs are accepted" + (scheme.isEmpty() ? "" : ", not " + scheme));
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new UnsafeUrlException("URLs with credentials are not accepted");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            // java.net.URI gives no host for forms like "127.1" or "0x7f.0.0.1" that other clients read
            // as addresses: name the address when it is one, and refuse either way.
            String authority = uri.getRawAuthority();
            if (authority != null && !authority.isBlank()) {
                String host = authority.replaceFirst(":\\d*$", "");
                resolve(host);
                throw new UnsafeUrlException("'" + host + "' is not a host name Intake can connect to");
            }
            throw new UnsafeUrlException("the URL has no host");
        }
        return uri;
    }

    /** Whether {@code host:port} of {@code uri} is exempt from the address check. */
    public boolean isAllowListed(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : ("http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443);
        return allowedHostPorts.contains(host(uri.getHost()) + ":" + port);
    }

    /**
     * The addresses a connection to {@code rawHost} may use: the DNS resolver of every connection, so
     * the address connected to is an address that was checked. A host of the allow-list is exempt here
     * (the resolver is not told the port; {@link #check} has already held the URL to host:port).
     */
    public InetAddress[] resolveForConnection(String rawHost) {
        String host = host(rawHost);
        return allowedHosts.contains(host) ? addresses(host) : resolve(host);
    }

    /** The host's addresses, every one of them checked. */
    public InetAddress[] resolve(String rawHost) {
        String host = host(rawHost);
        InetAddress[] addresses = addresses(host);
        for (InetAddress address : addresses) {
            whyForbidden(address).ifPresent(reason -> {
                throw new UnsafeUrlException("host " + host + " resolves to " + address.getHostAddress() + ", " + reason);
            });
        }
        return addresses;
    }

    private static String host(String raw) {
        String host = raw.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static InetAddress[] addresses(String host) {
        if (host.contains(":")) {
            return new InetAddress[] {literal(host)};
        }
        if (NUMERIC_HOST.matcher(host).matches() && !host.isEmpty() && Character.isDigit(host.charAt(0))) {
            return new InetAddress[] {numericIpv4(host)};
        }
        try {
            InetAddress[] resolved = InetAddress.getAllByName(host);
            if (resolved.length == 0) {
                throw new UnsafeUrlException("host " + host + " does not resolve");
            }
            return resolved;
        } catch (UnknownHostException e) {
            throw new UnsafeUrlException("host " + host + " does not resolve");
        }
    }

    private static InetAddress literal(String ipv6) {
        try {
            return InetAddress.getByName(ipv6);
        } catch (UnknownHostException e) {
            throw new UnsafeUrlException("'" + ipv6 + "' is not an IP address");
        }
    }

    /** inet_aton's forms: one to four parts, each decimal, 0-prefixed octal or 0x-prefixed hex. */
    static InetAddress numericIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            throw new UnsafeUrlException("'" + host + "' is not a host name or an IPv4 address");
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = part(parts[i], host);
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                throw new UnsafeUrlException("'" + host + "' is not a valid IPv4 address");
            }
            address = (address << 8) | values[i];
        }
        int remaining = 8 * (5 - parts.length);
        long last = values[parts.length - 1];
        if (last >= (1L << remaining)) {
            throw new UnsafeUrlException("'" + host + "' is not a valid IPv4 address");
        }
        address = (address << remaining) | last;
        byte[] bytes = {(byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address};
        try {
            return InetAddress.getByAddress(host, bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }

    private static long part(String part, String host) {
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            if (DIGITS.matcher(part).matches()) {
                return Long.parseLong(part);
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new UnsafeUrlException("'" + host + "' is not a host name or an IPv4 address");
    }

    /** Why Intake must not connect to {@code address}, or empty when it is a public address. */
    public static Optional<String> whyForbidden(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            return whyForbidden6(v6);
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (address.isAnyLocalAddress() || first == 0) {
            return Optional.of("an unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (first == 169 && second == 254) {
            return Optional.of(b[2] == (byte) 169 && b[3] == (byte) 254
                    ? "the cloud metadata address" : "a link-local address");
        }
        if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)) {
            return Optional.of("a private address");
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("a shared (carrier-grade NAT) address");
        }
        if (first >= 224 && first <= 239) {
            return Optional.of("a multicast address");
        }
        if (first >= 240) {
            return Optional.of("a reserved address");
        }
        if ((first == 192 && second == 0 && (b[2] == 0 || b[2] == 2)) || (first == 198 && (second == 18 || second == 19))
                || (first == 198 && second == 51 && b[2] == 100) || (first == 203 && second == 0 && b[2] == 113)) {
            return Optional.of("a reserved address");
        }
        return Optional.empty();
    }

    private static Optional<String> whyForbidden6(Inet6Address address) {
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress() || address.isSiteLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a private (unique local) address, where cloud metadata services also live");
        }
        Optional<InetAddress> embedded = embeddedIpv4(b);
        if (embedded.isPresent()) {
            return whyForbidden(embedded.get()).map(reason -> "an IPv6 form of " + reason);
        }
        return Optional.empty();
    }

    /** The IPv4 address inside IPv4-compatible, IPv4-mapped, NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses. */
    private static Optional<InetAddress> embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        byte[] v4 = null;
        if (zeroPrefix && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = new byte[] {b[2], b[3], b[4], b[5]};
        }
        if (v4 == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Inet4Address.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }
}
