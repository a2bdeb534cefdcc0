package dev.intake.lambda;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Step Functions' optimized Lambda integration ({@code arn:aws:states:::lambda:invoke}) over the local
 * Lambda: {@code Parameters.FunctionName} names the function, {@code Parameters.Payload} is the event. The
 * Task's result is the Invoke API's answer with the function's response parsed under {@code Payload}; a
 * function error fails the Task with the function's {@code errorType} as the error and the error payload,
 * as a JSON string, as the cause.
 */
final class LambdaInvokeTask implements StateMachine.Tasks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalLambda lambda;

    LambdaInvokeTask(LocalLambda lambda) {
        this.lambda = lambda;
    }

    @Override
    public JsonNode run(String resource, JsonNode parameters) {
        String functionName = parameters.path("FunctionName").asText();
        LambdaFunction function = lambda.byArn(functionName);
        if (function == null) {
            throw new StateMachine.TaskFailure("Lambda.ResourceNotFoundException", "Function not found: " + functionName);
        }
        JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : JsonNodeFactory.instance.objectNode();
        InvocationResult result = lambda.instance(function.name()).invoke(payload.toString());
        if (result instanceof InvocationResult.FunctionError error) {
            String cause = error.payload() != null ? error.payload()
                    : JSON.createObjectNode().put("errorType", error.errorType()).put("errorMessage", error.errorMessage()).toString();
            throw new StateMachine.TaskFailure(error.errorType() == null ? "Lambda.Unknown" : error.errorType(), cause);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ExecutedVersion", "$LATEST");
        answer.set("Payload", parsed(((InvocationResult.Response) result).body()));
        answer.putObject("SdkHttpMetadata").put("HttpStatusCode", 200);
        answer.putObject("SdkResponseMetadata").put("RequestId", result.requestId());
        answer.put("StatusCode", 200);
        return answer;
    }

    private static JsonNode parsed(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JsonNodeFactory.instance.textNode(body);
        }
    }
}
