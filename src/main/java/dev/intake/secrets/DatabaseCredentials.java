package dev.intake.secrets;

import java.util.Map;

import org.jboss.logging.Logger;

import io.quarkus.credentials.CredentialsProvider;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import jakarta.interceptor.Interceptor;

/**
 * The database's username and password as the database secret holds them when each connection is made,
 * so a rotated password reaches new connections without a restart (pooled ones end within the pool's
 * max lifetime). application.properties names this provider whenever {@code intake.secrets.database-secret-id}
 * is set; the reactive pool asks it for every new connection, the JDBC pool (migrations) likewise.
 *
 * <p>The reactive pool also asks once while it is built, at start: that answer is empty, since nothing
 * secret is read at start (SnapStart would freeze it into the snapshot), and no connection uses it.
 */
@ApplicationScoped
@Named(DatabaseCredentials.NAME)
public class DatabaseCredentials implements CredentialsProvider {

    /** The bean name application.properties gives as {@code quarkus.datasource.credentials-provider-name}. */
    public static final String NAME = "intake-database";

    private static final Logger LOG = Logger.getLogger(DatabaseCredentials.class);

    private final Secret username;
    private final Secret password;
    private final String secretId;
    private volatile boolean started;
    /** The password the last connection was given: the one a refusal refers to. */
    private volatile String lastPassword;

    DatabaseCredentials(Secrets secrets) {
        this.username = secrets.of(SecretField.DATABASE_USERNAME);
        this.password = secrets.of(SecretField.DATABASE_PASSWORD);
        this.secretId = secrets.secretId(SecretField.Holder.DATABASE).orElse("(none)");
    }

    /** After every start-up observer, the pool's included: from here on, connections get the secret's values. */
    void started(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent event) {
        started = true;
    }

    @Override
    public Map<String, String> getCredentials(String credentialsProviderName) {
        if (!started) {
            return Map.of();
        }
        String user = username.current().orElseThrow(() -> missing(SecretField.DATABASE_USERNAME));
        String secret = password.current().orElseThrow(() -> missing(SecretField.DATABASE_PASSWORD));
        lastPassword = secret;
        return Map.of(USER_PROPERTY_NAME, user, PASSWORD_PROPERTY_NAME, secret);
    }

    private SecretUnavailable missing(SecretField field) {
        return new SecretUnavailable(secretId, "it has no '" + field.field() + "' field", null);
    }

    /**
     * The database refused the credentials of a new connection (a rotated password): the next connection
     * reads the secret again, unless it was read moments ago.
     */
    public void refused() {
        String refused = lastPassword;
        if (refused != null && password.refused(refused)) {
            LOG.warnf("the database refused the credentials of secret %s; the next connection reads them again", secretId);
        }
    }
}
