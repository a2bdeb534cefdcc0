package dev.intake.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

import dev.intake.media.MediaDownload;
import dev.intake.providers.http.CallFailure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Fetches media from URLs a user gave, or that a provider handed back. Every connection resolves its
 * host through {@link UrlGuard}, so the address connected to is an address that was checked, and
 * redirects are followed one by one, each checked before it is followed.
 */
@ApplicationScoped
public class GuardedHttp {

    private static final int MAX_REDIRECTS = 5;

    private final UrlGuard guard;
    private final CloseableHttpClient client;

    @Inject
    GuardedHttp(UrlImportConfig config) {
        this(UrlGuard.configured(config), config.connectTimeout(), config.readTimeout());
    }

    public GuardedHttp(UrlGuard guard, Duration connectTimeout, Duration readTimeout) {
        this.guard = guard;
        DnsResolver resolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) {
                return guard.resolveForConnection(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .setSocketTimeout((int) readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(connection)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    public UrlGuard guard() {
        return guard;
    }

    /** Opens {@code url}, following redirects; the caller streams the body and closes it. */
    public MediaDownload open(String url) {
        URI uri = guard.check(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            ClassicHttpResponse response = execute(uri);
            int status = response.getCode();
            if (status >= 300 && status < 400 && response.getFirstHeader("Location") != null) {
                String location = response.getFirstHeader("Location").getValue();
                release(response, uri);
                uri = guard.check(uri.resolve(location).toString());
                continue;
            }
            if (status < 200 || status >= 300) {
                release(response, uri);
                boolean retry = status == 408 || status == 429 || status >= 500;
                throw fetchFailed(uri.getHost() + " answered HTTP " + status, retry);
            }
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                release(response, uri);
                throw fetchFailed(uri.getHost() + " answered with no body", false);
            }
            try {
                Header type = response.getFirstHeader("Content-Type");
                return new MediaDownload(uri, entity.getContent(), entity.getContentLength(),
                        Optional.ofNullable(type).map(Header::getValue), response);
            } catch (IOException e) {
                CallFailure failure = fetchFailed("reading from " + uri.getHost() + " failed: " + e.getMessage(), true, e);
                try {
                    response.close();
                } catch (IOException closing) {
                    failure.addSuppressed(closing);
                }
                throw failure;
            }
        }
        throw fetchFailed("more than " + MAX_REDIRECTS + " redirects from " + dev.intake.workflow.RedactedUrl.of(url), false);
    }

    private ClassicHttpResponse execute(URI uri) {
        try {
            return client.executeOpen(null, new HttpGet(uri), null);
        } catch (UrlGuard.UnsafeUrlException e) {
            throw e;
        } catch (IOException e) {
            if (e.getCause() instanceof UrlGuard.UnsafeUrlException unsafe) {
                throw unsafe;
            }
            throw fetchFailed("could not reach " + uri.getHost() + ": " + e.getMessage(), true, e);
        }
    }

    private static void release(ClassicHttpResponse response, URI uri) {
        try {
            response.close();
        } catch (IOException e) {
            throw fetchFailed("closing a response from " + uri.getHost() + " failed: " + e.getMessage(), true, e);
        }
    }

    @PreDestroy
    public void close() throws IOException {
        client.close();
    }

    /** A media fetch that failed, said as the interview's error says it. */
    static CallFailure fetchFailed(String detail, boolean isTransient) {
        return fetchFailed(detail, isTransient, null);
    }

    static CallFailure fetchFailed(String detail, boolean isTransient, Throwable cause) {
        return CallFailure.of(isTransient, "fetching the media failed: " + detail, cause);
    }
}
