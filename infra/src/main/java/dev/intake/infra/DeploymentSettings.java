package dev.intake.infra;

import java.util.List;

import software.constructs.Node;

/**
 * What a deployment chooses, from CDK context ({@code cdk deploy -c name=value}): where function.zip
 * is, whether bucket events go through EventBridge, the database's URL ({@code databaseUrl}, required:
 * not secret, and without credentials, which the functions read from the database secret at run time),
 * the names (or complete ARNs) of the secrets, who is told when an
 * alarm goes off ({@code alarmEmail}, optional: without it the alarms' topic has no subscriber yet),
 * how many connections the database's pooler gives Intake ({@code poolerConnections}, 60), and which
 * web origins may call the Function URLs from a browser ({@code corsOrigins}, comma-separated), and the
 * Supabase project whose published keys sign users' tokens ({@code supabaseUrl}), whether
 * function.zip is the JVM build or the native one ({@code runtime}: {@code jvm}, the default, or
 * {@code native}), the Supabase user ids of the operator console's operators ({@code consoleOperators},
 * comma-separated; none by default, so nobody can use the console until someone is named), and the
 * functions' processor architecture ({@code architecture}: {@code x86_64}, the default, or {@code arm64}).
 */
record DeploymentSettings(String functionZip, boolean eventBridge, String databaseUrl, String databaseSecret, String appSecret,
                          String analysisProvider, String transcriptionProvider, java.util.Optional<String> alarmEmail,
                          int poolerConnections, List<String> corsOrigins, java.util.Optional<String> supabaseUrl,
                          LambdaRuntime runtime, List<String> consoleOperators, LambdaArchitecture architecture) {

    /**
     * The functions' processors. The built-in analyzer's sentence model runs on ONNX Runtime's native
     * library, and function.zip carries it for Linux x86-64 only (application.properties removes the
     * others to keep the package small): on arm64 the model could not load and every interview would be
     * analyzed by rules only, so a deployment with the built-in analyzer is refused there.
     */
    enum LambdaArchitecture {
        X86_64(true), ARM64(false);

        private final boolean packagesSentenceModel;

        LambdaArchitecture(boolean packagesSentenceModel) {
            this.packagesSentenceModel = packagesSentenceModel;
        }

        static LambdaArchitecture of(String value) {
            return switch (value) {
                case "x86_64" -> X86_64;
                case "arm64" -> ARM64;
                default -> throw new IllegalArgumentException("architecture is '" + value + "': x86_64 (the default) or arm64");
            };
        }
    }

    /** What function.zip holds: the JVM build (Lambda's Java runtime) or a native executable. */
    enum LambdaRuntime {
        JVM, NATIVE;

        static LambdaRuntime of(String value) {
            return switch (value) {
                case "jvm" -> JVM;
                case "native" -> NATIVE;
                default -> throw new IllegalArgumentException("runtime is '" + value
                        + "': jvm (the JVM build of function.zip) or native (mvn package -Pnative)");
            };
        }
    }

    static DeploymentSettings from(Node node) {
        return new DeploymentSettings(
                text(node, "functionZip", "../target/function.zip"),
                Boolean.parseBoolean(text(node, "eventBridge", "false")),
                databaseUrl(node),
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
                        .map(url -> url.replaceAll("/+$", "")).filter(url -> !url.isBlank()),
                LambdaRuntime.of(text(node, "runtime", "jvm")),
                consoleOperators(text(node, "consoleOperators", "")),
                architecture(node));
    }

    private static LambdaArchitecture architecture(Node node) {
        LambdaArchitecture architecture = LambdaArchitecture.of(text(node, "architecture", "x86_64"));
        if (!architecture.packagesSentenceModel && text(node, "analysisProvider", "local").equals("local")) {
            throw new IllegalArgumentException("architecture " + text(node, "architecture", "") + " cannot run the built-in"
                    + " analyzer's sentence model: function.zip carries its native library (ONNX Runtime) for linux-x86_64"
                    + " only, so every interview would be analyzed by rules only. Deploy with -c architecture=x86_64, or"
                    + " with -c analysisProvider=openai");
        }
        return architecture;
    }

    /** Each a Supabase user id: a typo would otherwise deploy a console nobody can open, silently. */
    private static List<String> consoleOperators(String value) {
        List<String> operators = java.util.Arrays.stream(value.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
        for (String operator : operators) {
            if (!operator.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                throw new IllegalArgumentException("consoleOperators names '" + operator + "', which is not a Supabase user id"
                        + " (a UUID, as auth.users.id); give them comma-separated: -c consoleOperators=<id>,<id>");
            }
        }
        return operators;
    }

    /**
     * Required: a made-up default would deploy functions that cannot reach any database. The URL is not
     * secret; the login is, so a URL carrying one is refused.
     */
    private static String databaseUrl(Node node) {
        Object value = node.tryGetContext("databaseUrl");
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("the database URL is missing: deploy with -c databaseUrl=postgresql://<host>:<port>/<database>"
                    + " (the transaction-mode pooler, e.g. Supabase's on port 6543); the username and password stay in the"
                    + " database secret");
        }
        String url = value.toString().strip();
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            throw new IllegalArgumentException("databaseUrl '" + url + "' is not a postgresql:// URL");
        }
        String authority = url.substring(url.indexOf("//") + 2).split("[/?]", 2)[0];
        if (authority.contains("@") || url.matches("(?i).*[?&](password|user)=.*")) {
            throw new IllegalArgumentException("databaseUrl carries a login; give host, port and database only: the"
                    + " username and password are read from the database secret at run time, never put in the template");
        }
        return url;
    }

    private static String text(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null ? fallback : value.toString();
    }
}
