package dev.intake.providers.analysis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.providers.http.CallFailure;
import dev.intake.providers.http.ProviderHttp;
import dev.intake.secrets.Secret;

/** An OpenAI-compatible {@code /v1/chat/completions} endpoint asked for JSON that follows a schema. */
final class ChatCompletions {

    private static final String NAME = "the analysis model";

    private final ProviderHttp http;
    private final ObjectMapper json;
    private final String url;
    private final Secret apiKey;
    private final String model;

    ChatCompletions(ProviderHttp http, ObjectMapper json, AnalysisConfig.OpenAiAnalysis config, Secret apiKey) {
        this.http = http;
        this.json = json;
        this.url = config.baseUrl().replaceAll("/+$", "") + "/v1/chat/completions";
        this.apiKey = apiKey;
        this.model = config.model();
    }

    /** The model's answer to {@code system} and {@code user}, parsed; it follows {@code schema} or is refused. */
    JsonNode ask(String schemaName, ObjectNode schema, String system, String user) {
        ObjectNode request = json.createObjectNode().put("model", model).put("temperature", 0);
        var messages = request.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        ObjectNode format = request.putObject("response_format").put("type", "json_schema");
        format.putObject("json_schema").put("name", schemaName).put("strict", true).set("schema", schema);
        String body = request.toString();

        JsonNode answer = http.sendForJson(NAME, apiKey, key -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            key.ifPresent(k -> builder.header("Authorization", "Bearer " + k));
            return builder;
        });
        JsonNode choice = answer.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (message.path("refusal").isTextual() && !message.path("refusal").asText().isBlank()) {
            throw CallFailure.permanent(NAME + " refused: " + message.path("refusal").asText());
        }
        if ("length".equals(choice.path("finish_reason").asText())) {
            throw new SchemaViolation("the answer was cut off at the model's length limit");
        }
        if (!message.path("content").isTextual()) {
            throw new SchemaViolation("the answer has no message content");
        }
        try {
            JsonNode content = json.readTree(message.path("content").asText());
            if (content == null || !content.isObject()) {
                throw new SchemaViolation("the answer is not a JSON object");
            }
            return content;
        } catch (IOException e) {
            throw new SchemaViolation("the answer is not JSON");
        }
    }
}
