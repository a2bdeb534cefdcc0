package dev.intake.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlCorsOptions;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.lambda.HttpMethod;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.notifications.LambdaDestination;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * Intake on AWS: a Lambda per function from one function.zip, the media bucket and its notifications,
 * Function URLs for the HTTP entry points, the sweeper's schedule, the run state machine generated
 * from the Java workflow, least-privilege roles, dead letters for async invocations, and an alarm on
 * stuck interviews. Secrets are never in the template: each function is given the ids of the secrets it
 * reads at run time, and may read only those.
 */
public class IntakeStack extends Stack {

    static final String MEDIA_PREFIX = "interviews/";
    static final String ASL_RESOURCE = "/state-machine.asl.json";
    static final String LIVE_ALIAS = "live";

    private final Map<String, Function> functions = new LinkedHashMap<>();
    /** What every trigger invokes: the published version of each function, never $LATEST (SnapStart needs it). */
    private final Map<String, Alias> live = new LinkedHashMap<>();

    public IntakeStack(Construct scope, String id, StackProps props, DeploymentSettings settings) {
        super(scope, id, props);

        Bucket media = Bucket.Builder.create(this, "Media")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .eventBridgeEnabled(settings.eventBridge())
                .removalPolicy(RemovalPolicy.RETAIN)
                // A copy the function could not abort (killed at its timeout) leaves parts that are
                // stored, and billed, until someone aborts them.
                .lifecycleRules(List.of(LifecycleRule.builder().id("AbortIncompleteUploads")
                        .abortIncompleteMultipartUploadAfter(Duration.days(1)).build()))
                .build();
        Queue deadLetters = Queue.Builder.create(this, "DeadLetters").retentionPeriod(Duration.days(14)).build();

        RuntimeSecret databaseSecret = RuntimeSecret.of(this, "DatabaseSecret", settings.databaseSecret());
        RuntimeSecret appSecret = RuntimeSecret.of(this, "AppSecret", settings.appSecret());
        Map<String, Integer> reserved = ConnectionBudget.reservedConcurrency(FunctionSpec.all(), settings.poolerConnections());
        for (FunctionSpec spec : FunctionSpec.all()) {
            Function function = function(spec, settings, media, deadLetters, reserved.get(spec.name()));
            // Every function uses the database; those with app values the app secret. Ids only: values are read at run time.
            function.addEnvironment("INTAKE_SECRETS_DATABASE_SECRET_ID", databaseSecret.id());
            databaseSecret.grantRead(function);
            if (!spec.secrets().isEmpty()) {
                function.addEnvironment("INTAKE_SECRETS_APP_SECRET_ID", appSecret.id());
                appSecret.grantRead(function);
            }
            functions.put(spec.name(), function);
            live.put(spec.name(), alias(spec, function));
        }

        StateMachine runs = StateMachine.Builder.create(this, "Runs")
                .stateMachineType(StateMachineType.STANDARD)
                // One trace per execution, through every step's Lambda (which traces too).
                .tracingEnabled(true)
                .definitionBody(DefinitionBody.fromString(asl()))
                .definitionSubstitutions(stepFunctionArns())
                .build();
        for (FunctionSpec spec : FunctionSpec.all()) {
            Function function = functions.get(spec.name());
            if (spec.name().startsWith("step-")) {
                live.get(spec.name()).grantInvoke(runs);
            }
            if (spec.needs().contains(FunctionSpec.Need.START_RUNS)) {
                runs.grantStartExecution(function);
                function.addEnvironment("INTAKE_ENGINE_STATE_MACHINE_ARN", runs.getStateMachineArn());
            }
            if (spec.needs().contains(FunctionSpec.Need.MEDIA_OBJECTS)) {
                media.grantReadWrite(function, MEDIA_PREFIX + "*");
            }
            if (spec.needs().contains(FunctionSpec.Need.READ_MEDIA)) {
                media.grantRead(function, MEDIA_PREFIX + "*");
            }
            if (spec.needs().contains(FunctionSpec.Need.LIST_MEDIA)) {
                function.addToRolePolicy(PolicyStatement.Builder.create()
                        .actions(List.of("s3:ListBucket"))
                        .resources(List.of(media.getBucketArn()))
                        .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of(MEDIA_PREFIX + "*"))))
                        .build());
            }
        }

        Alias uploadCompleted = live.get("upload-completed");
        if (settings.eventBridge()) {
            Rule.Builder.create(this, "ObjectCreated")
                    .eventPattern(EventPattern.builder()
                            .source(List.of("aws.s3"))
                            .detailType(List.of("Object Created"))
                            .detail(Map.of("bucket", Map.of("name", List.of(media.getBucketName())),
                                    "object", Map.of("key", List.of(Map.of("prefix", MEDIA_PREFIX)))))
                            .build())
                    .targets(List.of(LambdaFunction.Builder.create(uploadCompleted)
                            .deadLetterQueue(deadLetters).retryAttempts(2).build()))
                    .build();
        } else {
            media.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(uploadCompleted),
                    NotificationKeyFilter.builder().prefix(MEDIA_PREFIX).build());
        }

        // Every minute, the finest rate EventBridge allows: with the 54 s lease and the 55 s stall threshold
        // a run whose execution was lost is resumed or failed within two minutes (workflow/Recovery).
        Rule.Builder.create(this, "SweepSchedule")
                .description("Resume or fail interviews that stopped moving")
                .schedule(Schedule.rate(Duration.minutes(1)))
                .targets(List.of(LambdaFunction.Builder.create(live.get("sweep-stuck"))
                        .deadLetterQueue(deadLetters).retryAttempts(0).build()))
                .build();

        url("recall-webhook", "RecallWebhookUrl", "Give Recall.ai this URL for webhooks; the Svix signature is its authentication",
                List.of());
        // The web app calls these two from the browser: its origins get CORS (a preflight is answered by Lambda).
        url("url-import", "UrlImportUrl", "The web app posts URL imports here with the user's Supabase token",
                settings.corsOrigins());
        url("interview-status", "InterviewStatusUrl", "The web app polls interview progress here with the user's Supabase token",
                settings.corsOrigins());
        // Same origin as its pages: no CORS. Operators are the users on -c consoleOperators; nobody by default.
        url("ops-console", "OpsConsoleUrl", "Operators open the console here and paste their Supabase token", List.of());
        url("upload-completed", "R2ForwardUrl", "The R2 queue consumer forwards notifications here with x-intake-forward-secret",
                List.of());

        Operations operations = new Operations(this, "Operations", settings.alarmEmail());
        Alarm stuck = Alarm.Builder.create(this, "StuckInterviews")
                .alarmDescription("Interviews stopped moving: the sweeper found stalled runs in consecutive sweeps."
                        + " Run `intake diagnose ID` on them.")
                .metric(Metric.Builder.create().namespace("Intake").metricName("StuckInterviews")
                        .statistic("Maximum").period(Duration.minutes(5)).build())
                .threshold(1)
                .evaluationPeriods(2)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        Alarm deadLettered = Alarm.Builder.create(this, "DeadLetterEvents")
                .alarmDescription("Bucket or schedule events that upload-completed or sweep-stuck could not take")
                .metric(deadLetters.metricApproximateNumberOfMessagesVisible())
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .build();
        operations.notify(stuck);
        operations.notify(deadLettered);
        operations.watch(runs);
        operations.watchErrorShare();
        functions.values().forEach(operations::watch);
        operations.dashboard(runs, functions, deadLetters);
        CfnOutput.Builder.create(this, "MediaBucket").value(media.getBucketName()).build();
        CfnOutput.Builder.create(this, "RunStateMachine").value(runs.getStateMachineArn()).build();
    }

    private Function function(FunctionSpec spec, DeploymentSettings settings, Bucket media, Queue deadLetters,
                              int reservedConcurrency) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_FUNQY_EXPORT", spec.name());
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        // Step metrics as embedded-metric log lines: CloudWatch makes metrics of them, no API calls.
        environment.put("INTAKE_METRICS_EMF", "true");
        environment.put("INTAKE_BUCKET", media.getBucketName());
        environment.put("INTAKE_ENGINE_KIND", "aws");
        environment.put("INTAKE_ANALYSIS_PROVIDER", settings.analysisProvider());
        environment.put("INTAKE_TRANSCRIPTION_PROVIDER", settings.transcriptionProvider());
        // The analyzer's model unpacks its tokenizer's native library on first use; /tmp is what Lambda lets write.
        environment.put("DJL_CACHE_DIR", "/tmp/djl");
        // Not secret; the login is read from the database secret at each new connection.
        environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", settings.databaseUrl());
        if (spec.secrets().contains(FunctionSpec.AppSecret.JWT)) {
            // New Supabase projects sign users' tokens with asymmetric keys they publish; the legacy
            // secret (jwtSecret in the app secret) still serves projects that have not moved.
            settings.supabaseUrl().ifPresent(project -> {
                environment.put("INTAKE_AUTH_JWKS_URL", project + "/auth/v1/.well-known/jwks.json");
                environment.put("INTAKE_AUTH_JWT_ISSUER", project + "/auth/v1");
                environment.put("INTAKE_AUTH_JWT_AUDIENCE", "authenticated");
            });
        }
        if (spec.name().equals("sweep-stuck")) {
            environment.put("INTAKE_SWEEPER_EMIT_EMF", "true");
        }
        if (spec.name().equals("ops-console") && !settings.consoleOperators().isEmpty()) {
            environment.put("INTAKE_CONSOLE_OPERATORS", String.join(",", settings.consoleOperators()));
        }
        Function.Builder builder = Function.Builder.create(this, camel(spec.name()))
                .functionName("intake-" + spec.name())
                .code(Code.fromAsset(settings.functionZip()))
                .memorySize(spec.memoryMb())
                .timeout(spec.timeout())
                .logRetention(RetentionDays.ONE_MONTH)
                .reservedConcurrentExecutions(reservedConcurrency)
                .tracing(Tracing.ACTIVE)
                .architecture(settings.architecture() == DeploymentSettings.LambdaArchitecture.ARM64
                        ? Architecture.ARM_64 : Architecture.X86_64)
                .environment(environment);
        if (settings.runtime() == DeploymentSettings.LambdaRuntime.NATIVE) {
            // The native executable is the zip's `bootstrap`, run by the OS-only runtime; no handler is read.
            builder.runtime(Runtime.PROVIDED_AL2023).handler(FunctionSpec.NATIVE_HANDLER);
        } else {
            // Java 21 on Amazon Linux 2023 runs the Java 17 build; java17 sits on Amazon Linux 2, past its end
            // of life. SnapStart restores each published version from a snapshot taken after start-up.
            builder.runtime(Runtime.JAVA_21).handler(FunctionSpec.HANDLER).snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        if (spec.needs().contains(FunctionSpec.Need.ASYNC)) {
            builder.deadLetterQueue(deadLetters);
        }
        return builder.build();
    }

    /**
     * The alias {@code live} on the function's current version: a new version is published whenever its
     * code or configuration changes, and the alias moves to it in the same deployment.
     */
    private Alias alias(FunctionSpec spec, Function function) {
        Alias.Builder alias = Alias.Builder.create(this, camel(spec.name()) + "Live").aliasName(LIVE_ALIAS)
                .version(function.getCurrentVersion());
        if (spec.needs().contains(FunctionSpec.Need.ASYNC)) {
            // S3 and EventBridge invoke the alias, so its own async settings are the ones that apply.
            alias.retryAttempts(2);
        }
        return alias.build();
    }

    private void url(String function, String output, String description, List<String> corsOrigins) {
        FunctionUrlOptions.Builder options = FunctionUrlOptions.builder().authType(FunctionUrlAuthType.NONE);
        if (!corsOrigins.isEmpty()) {
            options.cors(FunctionUrlCorsOptions.builder().allowedOrigins(corsOrigins)
                    .allowedMethods(List.of(HttpMethod.GET, HttpMethod.POST))
                    .allowedHeaders(List.of("authorization", "content-type")).maxAge(Duration.hours(1)).build());
        }
        FunctionUrl url = live.get(function).addFunctionUrl(options.build());
        CfnOutput.Builder.create(this, output).value(url.getUrl()).description(description).build();
    }

    /** The placeholders of the state machine: each function's live alias. */
    private Map<String, String> stepFunctionArns() {
        Map<String, String> arns = new LinkedHashMap<>();
        live.forEach((name, function) -> {
            if (name.startsWith("step-")) {
                arns.put(name, function.getFunctionArn());
            }
        });
        return arns;
    }

    /** The state machine the app generates from its workflow (checked in; the app's tests keep it current). */
    static String asl() {
        try (InputStream in = IntakeStack.class.getResourceAsStream(ASL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ASL_RESOURCE + " is missing from the infra resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String camel(String name) {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("-")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }

    Map<String, Function> functions() {
        return functions;
    }

    Map<String, Alias> aliases() {
        return live;
    }
}
