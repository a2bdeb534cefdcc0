package dev.intake.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The synthesized template, checked against what the deployment promises. */
class IntakeStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE_URL = "postgresql://aws-0-eu-central-1.pooler.supabase.com:6543/postgres";
    private static Template template;
    private static Map<String, Object> resources;

    @BeforeAll
    static void synthesize() throws IOException {
        template = synth(Map.of());
        resources = resourcesOf(template);
    }

    static Template synth(Map<String, Object> context) throws IOException {
        Path zip = Files.createTempFile("function", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("placeholder.txt"));
            out.write("function.zip stand-in".getBytes());
            out.closeEntry();
        }
        Map<String, Object> all = new HashMap<>(Map.of("databaseUrl", DATABASE_URL));
        all.putAll(context);
        all.put("functionZip", zip.toString());
        App app = new App(AppProps.builder().context(all).build());
        IntakeStack stack = new IntakeStack(app, "Intake", StackProps.builder().build(), DeploymentSettings.from(app.getNode()));
        return Template.fromStack(stack);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resourcesOf(Template t) {
        return (Map<String, Object>) t.toJSON().get("Resources");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Object resource) {
        return (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
    }

    private static String type(Object resource) {
        return (String) ((Map<?, ?>) resource).get("Type");
    }

    /** Intake's functions (not CDK's own helper Lambdas), by exported function. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> intakeFunctions(Map<String, Object> resources) {
        Map<String, Map<String, Object>> functions = new HashMap<>();
        resources.forEach((id, resource) -> {
            if (type(resource).equals("AWS::Lambda::Function")
                    && String.valueOf(props(resource).get("FunctionName")).startsWith("intake-")) {
                Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) props(resource).get("Environment"))
                        .get("Variables");
                Map<String, Object> function = new HashMap<>(props(resource));
                function.put("_id", id);
                function.put("_alias", aliasOf(resources, id));
                functions.put((String) variables.get("QUARKUS_FUNQY_EXPORT"), function);
            }
        });
        return functions;
    }

    /** The logical id of the function's {@code live} alias. */
    private static String aliasOf(Map<String, Object> resources, String functionId) {
        return resources.entrySet().stream().filter(r -> type(r.getValue()).equals("AWS::Lambda::Alias"))
                .filter(r -> Map.of("Ref", functionId).equals(props(r.getValue()).get("FunctionName")))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> function) {
        return (Map<String, Object>) ((Map<String, Object>) function.get("Environment")).get("Variables");
    }

    @Test
    void every_function_of_the_design_is_a_lambda_of_its_own_from_the_one_zip() {
        Map<String, Map<String, Object>> functions = intakeFunctions(resources);
        assertEquals(FunctionSpec.all().stream().map(FunctionSpec::name).collect(Collectors.toSet()), functions.keySet());
        for (FunctionSpec spec : FunctionSpec.all()) {
            Map<String, Object> function = functions.get(spec.name());
            assertEquals("java21", function.get("Runtime"), spec.name());
            assertEquals("/tmp/djl", env(function).get("DJL_CACHE_DIR"), "the only place Lambda lets the model's tokenizer unpack");
            assertEquals(spec.memoryMb(), ((Number) function.get("MemorySize")).intValue(), spec.name());
            assertEquals(spec.timeout().toSeconds().longValue(), ((Number) function.get("Timeout")).longValue(), spec.name());
            assertEquals("aws", env(function).get("INTAKE_ENGINE_KIND"));
            assertEquals("true", env(function).get("INTAKE_METRICS_EMF"), spec.name());
        }
        assertEquals(900, ((Number) functions.get("step-upload").get("Timeout")).intValue());
        assertEquals(1024, ((Number) functions.get("step-upload").get("MemorySize")).intValue());
    }

    @Test
    void no_function_environment_holds_a_secret_value_a_dynamic_reference_or_a_secret_token() throws IOException {
        String templateText = JSON.writeValueAsString(template.toJSON());
        assertFalse(templateText.contains("{{resolve:"), "no dynamic reference anywhere: it would be resolved at deploy time");
        assertFalse(templateText.contains("SecretString"), "no secret value read into the template");
        for (Map<String, Object> function : intakeFunctions(resources).values()) {
            String name = String.valueOf(env(function).get("QUARKUS_FUNQY_EXPORT"));
            env(function).forEach((variable, value) -> {
                assertTrue(value instanceof String || referencesAResourceThatIsNoSecret(value),
                        name + ": " + variable + " is text or names one of the stack's resources: " + value);
                assertFalse(variable.contains("PASSWORD") || variable.contains("API_KEY") || variable.contains("USERNAME")
                        || (variable.contains("SECRET") && !variable.endsWith("_SECRET_ID")), name + ": " + variable);
            });
            assertEquals("intake/database", env(function).get("INTAKE_SECRETS_DATABASE_SECRET_ID"), name);
            assertEquals(DATABASE_URL, env(function).get("QUARKUS_DATASOURCE_REACTIVE_URL"), name);
        }
    }

    /** {Ref: X} or {Fn::GetAtt: [X, attribute]} of a resource of the template other than a secret. */
    @SuppressWarnings("unchecked")
    private static boolean referencesAResourceThatIsNoSecret(Object value) {
        if (!(value instanceof Map<?, ?> intrinsic) || intrinsic.size() != 1) {
            return false;
        }
        Object target = intrinsic.containsKey("Ref") ? intrinsic.get("Ref")
                : intrinsic.containsKey("Fn::GetAtt") ? ((List<Object>) intrinsic.get("Fn::GetAtt")).get(0) : null;
        return target != null && resources.containsKey(target) && !type(resources.get(target)).startsWith("AWS::SecretsManager::");
    }

    @Test
    void the_app_secrets_id_reaches_only_the_functions_that_use_its_values() {
        Map<String, Map<String, Object>> functions = intakeFunctions(resources);
        for (FunctionSpec spec : FunctionSpec.all()) {
            Object id = env(functions.get(spec.name())).get("INTAKE_SECRETS_APP_SECRET_ID");
            assertEquals(spec.secrets().isEmpty() ? null : "intake/app", id, spec.name());
        }
        assertFalse(env(functions.get("step-finalize")).containsKey("INTAKE_SECRETS_APP_SECRET_ID"));
        assertTrue(env(functions.get("recall-webhook")).containsKey("INTAKE_SECRETS_APP_SECRET_ID"));
    }

    @Test
    void each_function_may_read_exactly_the_secrets_it_uses_and_nothing_else_of_secrets_manager() {
        Map<String, List<Map<String, Object>>> statements = statementsByFunction(resources);
        for (FunctionSpec spec : FunctionSpec.all()) {
            List<Map<String, Object>> reads = statements.getOrDefault(spec.name(), List.of()).stream()
                    .filter(statement -> String.valueOf(statement.get("Action")).contains("secretsmanager:")).toList();
            List<String> expected = new ArrayList<>(List.of("intake/database-??????"));
            if (!spec.secrets().isEmpty()) {
                expected.add("intake/app-??????");
            }
            assertEquals(expected.size(), reads.size(), spec.name() + ": " + reads);
            for (String secret : expected) {
                assertTrue(reads.stream().anyMatch(read -> String.valueOf(read.get("Resource")).endsWith(":secret:" + secret + "]]}")),
                        spec.name() + " reads " + secret + ": " + reads);
            }
            for (Map<String, Object> read : reads) {
                assertEquals("secretsmanager:GetSecretValue", read.get("Action"), spec.name() + ": only the value");
                assertEquals("Allow", read.get("Effect"));
            }
        }
    }

    /** Each function's role policy statements. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Map<String, Object>>> statementsByFunction(Map<String, Object> resources) {
        Map<String, Map<String, Object>> functions = intakeFunctions(resources);
        Map<String, List<Map<String, Object>>> statements = new HashMap<>();
        resources.values().stream().filter(r -> type(r).equals("AWS::IAM::Policy")).forEach(policy -> {
            String roles = String.valueOf(props(policy).get("Roles"));
            List<Map<String, Object>> policyStatements = (List<Map<String, Object>>)
                    ((Map<String, Object>) props(policy).get("PolicyDocument")).get("Statement");
            functions.forEach((name, function) -> {
                Matcher roleId = Pattern.compile("Fn::GetAtt=\\[([A-Za-z0-9]+),").matcher(String.valueOf(function.get("Role")));
                if (roleId.find() && roles.contains(roleId.group(1))) {
                    statements.computeIfAbsent(name, n -> new ArrayList<>()).addAll(policyStatements);
                }
            });
        });
        return statements;
    }

    @Test
    void a_secret_given_by_its_complete_arn_is_read_and_granted_by_that_arn_alone() throws IOException {
        String arn = "arn:aws:secretsmanager:eu-central-1:111122223333:secret:intake/app-AbCdEf";
        Map<String, Object> withArn = resourcesOf(synth(Map.of("appSecret", arn)));
        assertEquals(arn, env(intakeFunctions(withArn).get("url-import")).get("INTAKE_SECRETS_APP_SECRET_ID"));
        List<Object> resources = statementsByFunction(withArn).get("url-import").stream()
                .filter(statement -> String.valueOf(statement.get("Action")).contains("secretsmanager:"))
                .map(statement -> statement.get("Resource")).toList();
        assertTrue(resources.contains(arn), "exactly the ARN, no pattern: " + resources);
        IllegalArgumentException partial = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> synth(Map.of("appSecret", "arn:aws:secretsmanager:eu-central-1:111122223333:secret:intake/app")));
        assertTrue(partial.getMessage().contains("partial ARN"), partial.getMessage());
    }

    @Test
    void the_database_url_is_required_and_may_not_carry_a_login() {
        IllegalArgumentException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> synth(Map.of("databaseUrl", "")));
        assertTrue(missing.getMessage().contains("-c databaseUrl=postgresql://"), missing.getMessage());
        for (String withLogin : List.of("postgresql://postgres:hunter2@db.example.com:5432/postgres",
                "postgresql://db.example.com:5432/postgres?user=postgres&password=hunter2")) {
            IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> synth(Map.of("databaseUrl", withLogin)), withLogin);
            assertTrue(refused.getMessage().contains("carries a login"), refused.getMessage());
            assertFalse(refused.getMessage().contains("hunter2"), "the message does not repeat the password");
        }
    }

    @Test
    void the_bucket_notifies_upload_completed_of_objects_under_interviews() {
        Map<String, Object> filter = Map.of("Key", Map.of("FilterRules", List.of(Map.of("Name", "prefix", "Value", "interviews/"))));
        Object lambdaConfiguration = Match.objectLike(Map.of("Events", List.of("s3:ObjectCreated:*"), "Filter", filter));
        template.hasResourceProperties("Custom::S3BucketNotifications", Match.objectLike(Map.of(
                "NotificationConfiguration", Match.objectLike(Map.of("LambdaFunctionConfigurations", List.of(lambdaConfiguration))))));
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true))));
    }

    @Test
    void incomplete_multipart_uploads_are_aborted_after_a_day() {
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Map.of("Id", "AbortIncompleteUploads", "Status", "Enabled",
                        "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1)))))));
    }

    @Test
    void with_the_eventbridge_switch_object_created_events_go_through_a_rule_instead() throws IOException {
        Template bridged = synth(Map.of("eventBridge", "true"));
        bridged.resourceCountIs("Custom::S3BucketNotifications", 1); // CDK's switch for EventBridge delivery
        bridged.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("EventPattern", Match.objectLike(Map.of(
                "source", List.of("aws.s3"), "detail-type", List.of("Object Created"))))));
        Map<String, Object> bridgedResources = resourcesOf(bridged);
        boolean lambdaNotification = bridgedResources.values().stream()
                .filter(r -> type(r).equals("Custom::S3BucketNotifications"))
                .anyMatch(r -> String.valueOf(props(r).get("NotificationConfiguration")).contains("LambdaFunctionConfigurations"));
        assertFalse(lambdaNotification, "no direct S3 -> Lambda notification when EventBridge carries the events");
    }

    @Test
    void the_http_entry_points_have_function_urls_whose_auth_is_the_apps_own() {
        template.resourceCountIs("AWS::Lambda::Url", 5);
        template.allResourcesProperties("AWS::Lambda::Url", Match.objectLike(Map.of("AuthType", "NONE")));
        Map<String, Map<String, Object>> functions = intakeFunctions(resources);
        Set<String> withUrls = new java.util.HashSet<>();
        resources.values().stream().filter(r -> type(r).equals("AWS::Lambda::Url")).forEach(url -> {
            String target = String.valueOf(props(url).get("TargetFunctionArn"));
            functions.forEach((name, function) -> {
                if (target.contains((String) function.get("_id"))) {
                    withUrls.add(name);
                }
            });
        });
        assertEquals(Set.of("recall-webhook", "url-import", "interview-status", "ops-console", "upload-completed"), withUrls);
    }

    @Test
    void the_operator_console_has_nobody_on_its_list_until_someone_is_named_at_deploy_time() throws IOException {
        assertFalse(env(intakeFunctions(resources).get("ops-console")).containsKey("INTAKE_CONSOLE_OPERATORS"),
                "no operators by default");
        String operator = "6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e";
        String other = "0b6f0f9e-5d0e-4a5e-9d1e-3f0c2b8a7c11";
        Map<String, Map<String, Object>> functions = intakeFunctions(resourcesOf(synth(Map.of("consoleOperators",
                operator + ", " + other))));
        assertEquals(operator + "," + other, env(functions.get("ops-console")).get("INTAKE_CONSOLE_OPERATORS"));
        functions.forEach((name, function) -> {
            if (!name.equals("ops-console")) {
                assertFalse(env(function).containsKey("INTAKE_CONSOLE_OPERATORS"), name + " has no console");
            }
        });
        IllegalArgumentException typo = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> synth(Map.of("consoleOperators", "alice@example.com")));
        assertTrue(typo.getMessage().contains("'alice@example.com', which is not a Supabase user id"), typo.getMessage());
    }

    @Test
    void the_sweeper_runs_every_minute_so_a_stalled_interview_is_resumed_within_two() {
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("ScheduleExpression", "rate(1 minute)")));
        assertEquals("true", env(intakeFunctions(resources).get("sweep-stuck")).get("INTAKE_SWEEPER_EMIT_EMF"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_state_machine_is_standard_and_every_placeholder_of_the_generated_definition_is_a_step_function() {
        Map<String, Object> machine = resources.values().stream()
                .filter(r -> type(r).equals("AWS::StepFunctions::StateMachine")).map(IntakeStackTest::props)
                .findFirst().orElseThrow();
        assertEquals("STANDARD", machine.get("StateMachineType"));
        Map<String, Object> substitutions = (Map<String, Object>) machine.get("DefinitionSubstitutions");
        Matcher placeholders = Pattern.compile("\\$\\{([a-z-]+)}").matcher(IntakeStack.asl());
        List<String> named = new ArrayList<>();
        while (placeholders.find()) {
            named.add(placeholders.group(1));
        }
        assertEquals(8, new java.util.HashSet<>(named).size(), "seven steps and step-failed (which records failures and runs out of cycles)");
        for (String function : named) {
            assertTrue(substitutions.containsKey(function), function);
            assertEquals(Map.of("Ref", intakeFunctions(resources).get(function).get("_alias")), substitutions.get(function),
                    function + " runs the live alias");
        }
    }

    /** Each function's role policies, as text. */
    private static Map<String, String> policyTextByFunction(Map<String, Object> resources) {
        Map<String, Map<String, Object>> functions = intakeFunctions(resources);
        Map<String, String> policyText = new HashMap<>();
        resources.values().stream().filter(r -> type(r).equals("AWS::IAM::Policy")).forEach(policy -> {
            String roles = String.valueOf(props(policy).get("Roles"));
            functions.forEach((name, function) -> {
                String role = String.valueOf(function.get("Role"));
                Matcher roleId = Pattern.compile("Fn::GetAtt=\\[([A-Za-z0-9]+),").matcher(role);
                if (roleId.find() && roles.contains(roleId.group(1))) {
                    policyText.merge(name, String.valueOf(props(policy).get("PolicyDocument")), String::concat);
                }
            });
        });
        return policyText;
    }

    @Test
    void roles_are_least_privilege() {
        Map<String, String> policyText = policyTextByFunction(resources);
        for (String analysis : List.of("step-evidence", "step-insights", "step-answers", "interview-status")) {
            assertFalse(policyText.getOrDefault(analysis, "").contains("s3:"), analysis + " touches no objects");
            assertFalse(policyText.getOrDefault(analysis, "").contains("states:StartExecution"), analysis);
        }
        String upload = policyText.get("step-upload");
        assertTrue(upload.contains("s3:PutObject"), upload);
        assertTrue(upload.contains("/interviews/*"), "objects under interviews/ only: " + upload);
        assertTrue(policyText.get("upload-completed").contains("states:StartExecution"));
        assertFalse(policyText.get("upload-completed").contains("s3:PutObject"));
        assertTrue(policyText.get("sweep-stuck").contains("s3:prefix"), policyText.get("sweep-stuck"));
        // The console looks for media and starts repairs; it never writes an object.
        String console = policyText.get("ops-console");
        assertTrue(console.contains("s3:GetObject") && console.contains("s3:prefix") && console.contains("states:StartExecution"),
                console);
        assertFalse(console.contains("s3:PutObject") || console.contains("s3:DeleteObject"), console);
    }

    @Test
    void async_invocations_keep_failed_events_and_an_alarm_watches_stuck_interviews() {
        Map<String, Map<String, Object>> functions = intakeFunctions(resources);
        assertTrue(functions.get("upload-completed").containsKey("DeadLetterConfig"));
        assertTrue(functions.get("sweep-stuck").containsKey("DeadLetterConfig"));
        template.resourceCountIs("AWS::SQS::Queue", 1);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Namespace", "Intake", "MetricName", "StuckInterviews", "Threshold", 1)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_alarm_tells_the_alarms_topic_when_it_goes_off_and_when_it_is_over() {
        Map<String, Map<String, Object>> alarms = template.findResources("AWS::CloudWatch::Alarm");
        String topic = template.findResources("AWS::SNS::Topic").keySet().iterator().next();
        assertEquals(2 + 3 + 1 + 2 * FunctionSpec.all().size(), alarms.size(),
                "stuck interviews, dead letters, failed / timed-out / aborted runs, the error share, errors and throttles"
                        + " per function");
        alarms.forEach((id, alarm) -> {
            Map<String, Object> properties = (Map<String, Object>) alarm.get("Properties");
            assertEquals(List.of(Map.of("Ref", topic)), properties.get("AlarmActions"), id);
            assertEquals(List.of(Map.of("Ref", topic)), properties.get("OKActions"), id);
        });
        for (String run : List.of("ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted")) {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "Namespace", "AWS/States", "MetricName", run)));
        }
        for (String metric : List.of("Errors", "Throttles")) {
            template.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "Namespace", "AWS/Lambda", "MetricName", metric)), FunctionSpec.all().size());
        }
    }

    @Test
    void an_alarm_email_given_at_deploy_time_is_subscribed_to_the_topic() throws IOException {
        template.resourceCountIs("AWS::SNS::Subscription", 0);
        Template subscribed = synth(Map.of("alarmEmail", "oncall@example.com"));
        subscribed.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email", "Endpoint", "oncall@example.com", "TopicArn", Match.anyValue()));
    }

    @Test
    void a_dashboard_shows_interviews_by_outcome_stuck_step_durations_p50_p95_and_failures_by_step() throws IOException {
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        String body = JSON.writeValueAsString(template.findResources("AWS::CloudWatch::Dashboard"));
        for (String shown : List.of("InterviewsReady", "InterviewsFailed", "StuckInterviews", "ExecutionsFailed", "Errors",
                "ApproximateNumberOfMessagesVisible")) {
            assertTrue(body.contains(shown), shown);
        }
        // Step durations at p50 and p95 and failures by step: one line per step the functions' metrics carry.
        List<String> expressions = new ArrayList<>();
        dashboardBody().get("widgets").forEach(w -> w.at("/properties/metrics").forEach(m -> {
            if (m.get(0).has("expression")) {
                expressions.add(m.get(0).get("expression").asText());
            }
        }));
        String durations = "SEARCH('{Intake,outcome,step} MetricName=\"StepDuration\" outcome=\"completed\"', '%s', 300)";
        assertTrue(expressions.contains(String.format(durations, "p50")), expressions.toString());
        assertTrue(expressions.contains(String.format(durations, "p95")), expressions.toString());
        assertTrue(expressions.contains("SEARCH('{Intake,kind,step} MetricName=\"StepFailures\"', 'Sum', 300)"), expressions.toString());
    }

    /** The dashboard's body as JSON, with each reference CloudFormation fills in read as "ref". */
    @SuppressWarnings("unchecked")
    private static com.fasterxml.jackson.databind.JsonNode dashboardBody() throws IOException {
        Map<String, Object> dashboard = (Map<String, Object>) template.findResources("AWS::CloudWatch::Dashboard").values()
                .iterator().next();
        List<Object> parts = (List<Object>) ((List<Object>) ((Map<String, Object>) props(dashboard).get("DashboardBody"))
                .get("Fn::Join")).get(1);
        StringBuilder body = new StringBuilder();
        parts.forEach(part -> body.append(part instanceof String text ? text : "ref"));
        return JSON.readTree(body.toString());
    }

    @Test
    void every_functions_logs_are_kept_a_month() {
        template.resourcePropertiesCountIs("Custom::LogRetention", Match.objectLike(Map.of("RetentionInDays", 30)),
                FunctionSpec.all().size());
    }

    @SuppressWarnings("unchecked")
    private static int reservedInstances(Template t) {
        return t.findResources("AWS::Lambda::Function").values().stream()
                .map(f -> (Map<String, Object>) f.get("Properties"))
                .filter(p -> String.valueOf(p.get("FunctionName")).startsWith("intake-"))
                .mapToInt(p -> ((Number) p.get("ReservedConcurrentExecutions")).intValue())
                .sum();
    }

    @Test
    void all_functions_at_their_concurrency_limits_hold_no_more_connections_than_the_pooler_gives() throws IOException {
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(Map.of(
                "ReservedConcurrentExecutions", Match.anyValue())), FunctionSpec.all().size());
        assertTrue(reservedInstances(template) * ConnectionBudget.CONNECTIONS_PER_INSTANCE <= 60,
                reservedInstances(template) + " instances × 2 connections against the default pooler of 60");
        Template bigger = synth(Map.of("poolerConnections", "200"));
        int instances = reservedInstances(bigger);
        assertTrue(instances * ConnectionBudget.CONNECTIONS_PER_INSTANCE <= 200 && instances > reservedInstances(template),
                instances + " instances for a pooler of 200");
        IllegalArgumentException tooSmall = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> synth(Map.of("poolerConnections", "20")));
        assertTrue(tooSmall.getMessage().contains("at least " + 2 * FunctionSpec.all().size() + " are needed"), tooSmall.getMessage());
    }

    @Test
    void the_web_apps_origins_may_call_url_import_and_interview_status_from_a_browser() throws IOException {
        template.resourcePropertiesCountIs("AWS::Lambda::Url", Match.objectLike(Map.of("Cors", Match.anyValue())), 0);
        Template withOrigins = synth(Map.of("corsOrigins", "https://app.example.com, https://staging.example.com"));
        withOrigins.resourcePropertiesCountIs("AWS::Lambda::Url", Match.objectLike(Map.of("Cors", Match.objectLike(Map.of(
                "AllowOrigins", List.of("https://app.example.com", "https://staging.example.com"),
                "AllowHeaders", List.of("authorization", "content-type"))))), 2);
    }

    @Test
    void functions_that_take_users_tokens_verify_them_against_the_supabase_projects_published_keys() throws IOException {
        Map<String, Map<String, Object>> functions = intakeFunctions(resourcesOf(synth(Map.of("supabaseUrl", "https://abc.supabase.co/"))));
        for (String name : List.of("url-import", "interview-status", "ops-console")) {
            assertEquals("https://abc.supabase.co/auth/v1/.well-known/jwks.json", env(functions.get(name)).get("INTAKE_AUTH_JWKS_URL"), name);
            assertEquals("https://abc.supabase.co/auth/v1", env(functions.get(name)).get("INTAKE_AUTH_JWT_ISSUER"), name);
        }
        assertFalse(env(functions.get("recall-webhook")).containsKey("INTAKE_AUTH_JWKS_URL"));
    }

    @Test
    void the_state_machine_and_every_function_are_traced_so_a_run_is_one_trace() {
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Match.objectLike(Map.of(
                "TracingConfiguration", Map.of("Enabled", true))));
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", Match.stringLikeRegexp("intake-.*"), "TracingConfig", Map.of("Mode", "Active"))),
                FunctionSpec.all().size());
    }

    @Test
    void an_alarm_goes_off_when_more_than_a_fifth_of_the_hours_interviews_end_in_error() throws IOException {
        String alarms = JSON.writeValueAsString(template.findResources("AWS::CloudWatch::Alarm"));
        assertTrue(alarms.contains("100 * failed / (failed + ready)"), alarms);
        assertTrue(alarms.contains("InterviewsFailed") && alarms.contains("InterviewsReady"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Threshold", 20, "ComparisonOperator", "GreaterThanThreshold")));
    }

    @Test
    void every_jvm_function_starts_from_a_snapstart_snapshot_of_its_published_version() {
        Map<String, Map<String, Object>> functions = intakeFunctions(resources);
        for (FunctionSpec spec : FunctionSpec.all()) {
            Map<String, Object> function = functions.get(spec.name());
            assertEquals(Map.of("ApplyOn", "PublishedVersions"), function.get("SnapStart"), spec.name());
            assertEquals(FunctionSpec.HANDLER, function.get("Handler"), spec.name());
            assertTrue(function.get("_alias") != null, spec.name() + " has a live alias");
        }
        template.resourceCountIs("AWS::Lambda::Version", FunctionSpec.all().size());
        template.resourcePropertiesCountIs("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")), FunctionSpec.all().size());
    }

    @Test
    void every_trigger_invokes_the_live_alias_never_latest() throws IOException {
        Map<String, Map<String, Object>> functions = intakeFunctions(resources);
        // Anything that invokes: bucket notifications, rules, URLs, the state machine and invoke permissions.
        List<String> triggers = new ArrayList<>();
        resources.forEach((id, resource) -> {
            if (Set.of("Custom::S3BucketNotifications", "AWS::Events::Rule", "AWS::StepFunctions::StateMachine",
                    "AWS::Lambda::Permission").contains(type(resource))) {
                triggers.add(id + " " + String.valueOf(props(resource)));
            }
            if (type(resource).equals("AWS::Lambda::Url")) {
                // A URL names the function and, as its qualifier, the alias it invokes.
                assertEquals("live", props(resource).get("Qualifier"), id);
            }
        });
        for (Map.Entry<String, Map<String, Object>> function : functions.entrySet()) {
            String unqualified = "Fn::GetAtt=[" + function.getValue().get("_id") + ", Arn]";
            for (String trigger : triggers) {
                assertFalse(trigger.contains(unqualified), trigger + " invokes " + function.getKey() + "'s $LATEST");
            }
        }
        String alias = "Ref=" + functions.get("upload-completed").get("_alias");
        assertTrue(triggers.stream().anyMatch(t -> t.startsWith("Media") || t.contains("LambdaFunctionConfigurations") && t.contains(alias)),
                "the bucket notifies upload-completed's alias: " + triggers);
        String sweeper = "Ref=" + functions.get("sweep-stuck").get("_alias");
        assertTrue(triggers.stream().anyMatch(t -> t.contains("rate(1 minute)") && t.contains(sweeper)), "the schedule invokes the alias");
    }

    @Test
    void events_delivered_asynchronously_to_the_alias_are_retried_then_kept() {
        Map<String, Map<String, Object>> functions = intakeFunctions(resources);
        for (String async : List.of("upload-completed", "sweep-stuck")) {
            // The qualifier is taken from the alias's ARN.
            template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Match.objectLike(Map.of(
                    "FunctionName", Map.of("Ref", functions.get(async).get("_id")), "MaximumRetryAttempts", 2,
                    "Qualifier", Map.of("Fn::Select", List.of(7, Map.of("Fn::Split",
                            List.of(":", Map.of("Ref", functions.get(async).get("_alias")))))))));
        }
    }

    @Test
    void the_native_switch_deploys_the_executable_on_the_os_only_runtime() throws IOException {
        Map<String, Map<String, Object>> functions = intakeFunctions(resourcesOf(synth(Map.of("runtime", "native"))));
        assertEquals(FunctionSpec.all().size(), functions.size());
        for (Map.Entry<String, Map<String, Object>> function : functions.entrySet()) {
            assertEquals("provided.al2023", function.getValue().get("Runtime"), function.getKey());
            assertEquals("bootstrap", function.getValue().get("Handler"), function.getKey());
            assertFalse(function.getValue().containsKey("SnapStart"), "SnapStart is for the Java runtime only");
        }
        IllegalArgumentException wrong = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> synth(Map.of("runtime", "graal")));
        assertEquals("runtime is 'graal': jvm (the JVM build of function.zip) or native (mvn package -Pnative)", wrong.getMessage());
    }

    @Test
    void functions_run_on_the_architecture_whose_sentence_model_library_the_package_carries() throws IOException {
        intakeFunctions(resources).forEach((name, function) ->
                assertEquals(List.of("x86_64"), function.get("Architectures"), name));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> synth(Map.of("architecture", "arm64")));
        assertTrue(refused.getMessage().contains("linux-x86_64 only"), refused.getMessage());
        assertTrue(refused.getMessage().contains("-c architecture=x86_64"), refused.getMessage());

        Map<String, Map<String, Object>> withOpenAi = intakeFunctions(resourcesOf(
                synth(Map.of("architecture", "arm64", "analysisProvider", "openai"))));
        withOpenAi.forEach((name, function) -> assertEquals(List.of("arm64"), function.get("Architectures"), name));
    }
}
