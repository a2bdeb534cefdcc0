package dev.intake.infra;

import software.constructs.Node;

/**
 * What a deployment chooses, from CDK context ({@code cdk deploy -c name=value}): where function.zip
 * is, whether bucket events go through EventBridge, and the names of the secrets.
 */
record DeploymentSettings(String functionZip, boolean eventBridge, String databaseSecret, String appSecret,
                          String analysisProvider, String transcriptionProvider) {

    static DeploymentSettings from(Node node) {
        return new DeploymentSettings(
                text(node, "functionZip", "../target/function.zip"),
                Boolean.parseBoolean(text(node, "eventBridge", "false")),
                text(node, "databaseSecret", "intake/database"),
                text(node, "appSecret", "intake/app"),
                text(node, "analysisProvider", "local"),
                text(node, "transcriptionProvider", "none"));
    }

    private static String text(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null ? fallback : value.toString();
    }
}
