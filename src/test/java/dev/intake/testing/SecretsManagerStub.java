package dev.intake.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * AWS Secrets Manager's JSON API (GetSecretValue) as WireMock plays it, at {@link #endpoint()}. The newest
 * answer registered for a secret wins, so a test rotates a secret by registering its new value.
 */
public final class SecretsManagerStub {

    private static final String PATH = "/secretsmanager/";
    private static final String TARGET = "secretsmanager.GetSecretValue";
    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SecretsManagerStub() {
    }

    /** The endpoint override the Secrets Manager client is given. */
    public static String endpoint() {
        return WireMockResource.baseUrl() + "/secretsmanager";
    }

    private static MappingBuilder getSecretValue(String secretId) {
        return post(urlEqualTo(PATH)).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)));
    }

    /** From now on the secret holds {@code fields} as its JSON SecretString. */
    public static void holds(String secretId, Map<String, String> fields) {
        ObjectNode secretString = JSON.createObjectNode();
        fields.forEach(secretString::put);
        answers(secretId, secretString.toString());
    }

    /** From now on the secret's SecretString is {@code secretString}, as it is. */
    public static void answers(String secretId, String secretString) {
        ObjectNode body = JSON.createObjectNode()
                .put("ARN", "arn:aws:secretsmanager:us-east-1:111122223333:secret:" + secretId + "-AbCdEf")
                .put("Name", secretId)
                .put("VersionId", java.util.UUID.randomUUID().toString())
                .put("SecretString", secretString)
                .put("CreatedDate", 1764950400.0);
        respond(secretId, aResponse().withHeader("Content-Type", JSON_1_1).withBody(body.toString()));
    }

    /** From now on reading the secret is refused as for a role without the permission. */
    public static void denies(String secretId) {
        respond(secretId, aResponse().withStatus(400).withHeader("Content-Type", JSON_1_1)
                .withBody("{\"__type\": \"AccessDeniedException\", \"message\": \"User: arn:aws:sts::111122223333:assumed-role/"
                        + "intake-test/fn is not authorized to perform: secretsmanager:GetSecretValue on resource: "
                        + secretId + "\"}"));
    }

    private static void respond(String secretId, ResponseDefinitionBuilder response) {
        WireMockResource.server().register(getSecretValue(secretId).willReturn(response));
    }

    /** How many times the secret has been read. */
    public static int reads(String secretId) {
        return WireMockResource.server().find(postRequestedFor(urlEqualTo(PATH)).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)))).size();
    }
}
