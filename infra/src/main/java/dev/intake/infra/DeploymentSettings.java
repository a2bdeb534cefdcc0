package dev.intake.infra;

import java.util.List;

import software.constructs.Node;

/**
 * What a deployment chooses, from CDK context ({@code cdk deploy -c name=value}): where function.zip
 * is, whether bucket events go through EventBridge, the names of the secrets, who is told when an
 * alarm goes off ({@code alarmEmail}, optional: without it the alarms' topic has no subscriber yet),
 * how many connections the database's pooler gives Intake ({@code poolerConnections}, 60), and which
 * web origins may call the Function URLs from a browser ({@code corsOrigins}, comma-separated), and the
 * Supabase project whose published keys sign users' tokens ({@code supabaseUrl}).
 */
record DeploymentSettings(String functionZip, boolean eventBridge, String databaseSecret, String appSecret,
                          String analysisProvider, String transcriptionProvider, java.util.Optional<String> alarmEmail,
                          int poolerConnections, List<String> corsOrigins, java.util.Optional<String> supabaseUrl) {

    static DeploymentSettings from(Node node) {
        return new DeploymentSettings(
                text(node, "functionZip", "../target/function.zip"),
                Boolean.parseBoolean(text(node, "eventBridge", "false")),
                text(node, "databaseSecret", "intake/database"),
                text(node, "appSecret", "intake/app"),
                text(node, "analysisProvider", "local"),
                text(node, "transcriptionProvider", "none"),
                java.util.Optional.ofNullable(node.tryGetContext("alarmEmail")).map(Object::toString)
                        .filter(email -> !email.isBlank()),
                Integer.parseInt(text(node, "poolerConnections", "60")),
                java.util.Arrays.stream(text(node, "corsOrigins", "").split(",")).map(String::strip)
                        .filter(origin -> !origin.isEmpty()).toList(),
                java.util.Optional.ofNullable(node.tryGetContext("supabaseUrl")).map(Object::toString)
                        .map(url -> url.replaceAll("/+$", "")).filter(url -> !url.isBlank()));
    }

    private static String text(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null ? fallback : value.toString();
    }
}
