package dev.intake.secrets;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Reads a secret's JSON fields with GetSecretValue. The client is built at the first read, not at start:
 * under Lambda SnapStart anything made at start is frozen into the snapshot, and local mode needs no client.
 */
final class SecretsManagerReader implements AutoCloseable {

    private final SecretsConfig config;
    private final ObjectMapper json;
    private SecretsManagerClient client;

    SecretsManagerReader(SecretsConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** The secret's fields; {@link SecretUnavailable} naming the secret and the reason when it cannot be read. */
    Map<String, String> read(String secretId) {
        GetSecretValueResponse response;
        try {
            response = client().getSecretValue(request -> request.secretId(secretId));
        } catch (SecretsManagerException e) {
            // The service's own words (e.g. who may not read what) name no value.
            throw new SecretUnavailable(secretId, "Secrets Manager refused GetSecretValue (HTTP " + e.statusCode()
                    + (e.awsErrorDetails() == null ? "" : " " + e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage()) + ")", e);
        } catch (SdkException e) {
            throw new SecretUnavailable(secretId, "Secrets Manager could not be reached: " + e.getMessage(), e);
        }
        if (response.secretString() == null) {
            throw new SecretUnavailable(secretId, "it has no SecretString (a binary secret); it must be a JSON object", null);
        }
        return fields(secretId, response.secretString());
    }

    private Map<String, String> fields(String secretId, String secretString) {
        JsonNode object;
        try {
            object = json.readTree(secretString);
        } catch (IOException e) {
            // Not chained: a parser's message quotes the text around the error, which is the secret.
            throw new SecretUnavailable(secretId, "its SecretString is not JSON", null);
        }
        if (object == null || !object.isObject()) {
            throw new SecretUnavailable(secretId, "its SecretString is not a JSON object", null);
        }
        Map<String, String> fields = new HashMap<>();
        object.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        });
        return Map.copyOf(fields);
    }

    private synchronized SecretsManagerClient client() {
        if (client == null) {
            // Bounded, retries included: a read is counted in the time budget of every function (TimeBudgets).
            SecretsManagerClientBuilder builder = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(c -> c.apiCallTimeout(config.apiCallTimeout()));
            config.region().ifPresent(region -> builder.region(Region.of(region)));
            config.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
            client = builder.build();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
