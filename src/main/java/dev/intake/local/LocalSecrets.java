package dev.intake.local;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The secrets `intake serve` needs to accept requests, made up for the session when they are not
 * configured, so the functions can be tried at once. Set by the launcher before the application reads
 * its configuration; printed by the command.
 */
@jakarta.enterprise.context.ApplicationScoped
public class LocalSecrets {

    static final Map<String, String> SETTINGS = Map.of(
            "intake.auth.jwt-secret", "INTAKE_AUTH_JWT_SECRET",
            "intake.recall.webhook-secret", "INTAKE_RECALL_WEBHOOK_SECRET",
            "intake.r2.forward-secret", "INTAKE_R2_FORWARD_SECRET");

    /** Sets a random value for each secret neither a system property nor the environment gives. */
    public static void makeUpMissing() {
        SecureRandom random = new SecureRandom();
        SETTINGS.forEach((property, variable) -> {
            if (System.getProperty(property) == null && System.getenv(variable) == null) {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                String value = Base64.getEncoder().encodeToString(bytes);
                System.setProperty(property, property.endsWith("webhook-secret") ? "whsec_" + value : value);
            }
        });
    }

    public void forEach(BiConsumer<String, String> each) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String property : new String[] {"intake.recall.webhook-secret", "intake.r2.forward-secret"}) {
            String value = System.getProperty(property);
            if (value != null) {
                shown.put(property, value);
            }
        }
        shown.forEach(each);
    }
}
