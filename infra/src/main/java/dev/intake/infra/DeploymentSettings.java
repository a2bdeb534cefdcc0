package dev.intake.infra;

import software.constructs.Node;

/**
 * What a deployment chooses, from CDK context ({@code cdk deploy -c name=value}): where function.zip
 * is, whether bucket events go through EventBridge, the names of the secrets, and who is told when an
 * alarm goes off ({@code alarmEmail}, optional: without it the alarms' topic has no subscriber yet).
 */
record DeploymentSettings(String functionZip, boolean eventBridge, String databaseSecret, String appSecret,
                          String analysisProvider, String transcriptionProvider, java.util.Optional<String> alarmEmail) {

    static DeploymentSettings from(Node node) {
        return new DeploymentSettings(
                text(node, "functionZip", "../target/function.zip"),
                Boolean.parseBoolean(text(node, "eventBridge", "false")),
                text(node, "databaseSecret", "intake/database"),
                text(node, "appSecret", "intake/app"),
                text(node, "analysisProvider", "local"),
                text(node, "transcriptionProvider", "none"),
                java.util.Optional.ofNullable(node.tryGetContext("alarmEmail")).map(Object::toString)
                        .filter(email -> !email.isBlank()));
    }

    private static String text(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null ? fallback : value.toString();
    }
}
