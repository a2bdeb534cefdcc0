package dev.intake.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.intake.console.LocalModeConfig;
import dev.intake.media.MediaConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The database and bucket a command works on, said in one line before it runs, so nobody acts on
 * production believing it local data, or the reverse. Credentials never appear in it.
 */
@ApplicationScoped
public class CommandTarget {

    /** {@code user:password@} in a URL, and query parameters that carry secrets. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:?#]*):[^@/?#]*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;](?:password|pass|pwd|sslpassword|secret|token|[a-z_]*key)=)[^&;#]*");

    private final LocalModeConfig mode;
    private final MediaConfig media;
    private final HomeConfig home;
    private final Optional<String> reactiveUrl;
    private final Optional<String> jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> s3Endpoint;
    private final Optional<String> s3Region;

    CommandTarget(LocalModeConfig mode, MediaConfig media, HomeConfig home,
                  @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> reactiveUrl,
                  @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl,
                  @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                  @ConfigProperty(name = "quarkus.s3.endpoint-override") Optional<String> s3Endpoint,
                  @ConfigProperty(name = "quarkus.s3.aws.region") Optional<String> s3Region) {
        this.mode = mode;
        this.media = media;
        this.home = home;
        this.reactiveUrl = reactiveUrl;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.s3Endpoint = s3Endpoint;
        this.s3Region = s3Region;
    }

    public boolean localMode() {
        return mode.localMode();
    }

    /** The line for {@code command}: migrations go over JDBC, everything else over the reactive client. */
    String describe(String command) {
        boolean jdbc = command.equals("migrate");
        Optional<String> url = jdbc ? jdbcUrl : reactiveUrl;
        String database = url.map(CommandTarget::masked).orElse("none (" + (jdbc ? "QUARKUS_DATASOURCE_JDBC_URL"
                : "QUARKUS_DATASOURCE_REACTIVE_URL") + " is not set)") + username.map(u -> " as " + u).orElse("");
        String bucket = "s3://" + media.bucket() + s3Endpoint.map(e -> " at " + masked(e))
                .orElse(" on AWS S3" + s3Region.map(r -> " in " + r).orElse(""));
        if (localMode()) {
            Path data = Path.of(home.home()).toAbsolutePath();
            database += " (embedded, data in " + data.resolve("postgres") + ")";
            bucket += " (embedded, data in " + data.resolve("s3") + ")";
        }
        return "intake " + command + ": database " + database + "; bucket " + bucket;
    }

    /**
     * Why this command cannot reach the bucket, or empty when it can: on a configured database the
     * bucket is AWS S3 in a region, or a server named by its endpoint (R2, MinIO). Said before anything
     * is written, rather than the AWS SDK's "Unable to load region" once an interview is half filed.
     * Local mode's embedded bucket always has both.
     */
    Optional<String> missingBucketSettings() {
        return missingBucketSettings(s3Endpoint, s3Region, System.getenv(), System.getProperty("aws.region"));
    }

    static Optional<String> missingBucketSettings(Optional<String> endpoint, Optional<String> region, Map<String, String> environment,
                                                  String regionProperty) {
        boolean regionSet = region.isPresent() || regionProperty != null && !regionProperty.isBlank()
                || present(environment.get("AWS_REGION")) || present(environment.get("AWS_DEFAULT_REGION"));
        if (endpoint.isPresent() || regionSet) {
            return Optional.empty();
        }
        return Optional.of("no bucket is configured: set QUARKUS_S3_ENDPOINT_OVERRIDE (R2 or another S3-compatible server)"
                + " or the AWS region of the bucket (QUARKUS_S3_AWS_REGION, AWS_REGION or AWS_DEFAULT_REGION)");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** {@code url} with its password and secret parameters replaced by {@code ***}. */
    static String masked(String url) {
        String withoutPassword = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:***@");
        return SECRET_PARAMETER.matcher(withoutPassword).replaceAll("$1***");
    }
}
