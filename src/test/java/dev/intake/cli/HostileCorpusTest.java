package dev.intake.cli;

import dev.intake.local.FunctionRouter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.access.LocalUser;
import dev.intake.http.HttpResponse;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Db;
import dev.intake.store.WorkspaceStore;
import dev.intake.testing.LocalMode;
import dev.intake.testing.LogCapture;
import dev.intake.testing.RecallFixtures;
import dev.intake.testing.TestData;
import dev.intake.testing.Tokens;
import dev.intake.workflow.Printable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * Every entry point `intake serve` exposes (the Recall webhook, URL import, interview status, upload
 * completion in its S3, EventBridge and forwarded-R2 shapes, the operator console) is fed the same
 * hostile corpus: control characters in each id, key and name field, duplicated parameters, fields of
 * the wrong type, methods it does not take, unknown interviews, oversized values. Each is answered
 * with the status that says so, in a sentence that names no Java type and holds no raw control
 * character; no table gains or loses a row, no object appears in the bucket, and no log line carries
 * a raw control character.
 */
@QuarkusTest
@TestProfile(LocalMode.class)
class HostileCorpusTest {

    /** ESC, BEL, CR, LF, DEL, NUL, TAB and a C1 control (NEL). */
    private static final List<String> CONTROLS = List.of("\u001B[31m", "\u0007", "\r", "\n", "\u007F", "\u0000", "\t", "\u0085");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FunctionRouter router;
    @Inject
    TestData data;
    @Inject
    WorkspaceStore workspace;
    @Inject
    MediaBucket bucket;
    @Inject
    Db db;

    record Case(String name, FunctionRouter.LocalRequest request, int status) {
    }

    @Test
    void every_entry_point_refuses_the_hostile_corpus_and_writes_nothing() throws Exception {
        TestData.Project project = data.project();
        UUID member = UUID.randomUUID();
        workspace.ensureMember(project.accountId(), member, "member");
        MediaKey uploading = data.uploadingInterview(project, "call.vtt");
        List<Case> corpus = corpus(project, member, uploading);

        bucket.ensureExists();
        Map<String, Long> rowsBefore = rowsPerTable();
        int objectsBefore = bucket.objectsUnder("", 100_000).size();
        List<String> failures = new ArrayList<>();
        try (LogCapture logs = LogCapture.start()) {
            for (Case c : corpus) {
                HttpResponse response = answered(c.request());
                String body = response.body() == null ? "" : response.body();
                if (response.statusCode() != c.status()) {
                    failures.add(c.name() + ": expected " + c.status() + ", got " + response.statusCode() + " " + Printable.of(body));
                }
                if (body.matches("(?s).*(java\\.|`|Exception|com\\.fasterxml|dev\\.intake).*")) {
                    failures.add(c.name() + ": the answer names a Java type: " + Printable.of(body));
                }
                if (Printable.firstControl(body).isPresent()
                        || Printable.firstControl(JSON.readTree(body).path("error").asText("")).isPresent()) {
                    failures.add(c.name() + ": the answer holds a raw control character: " + Printable.of(body));
                }
            }
            for (LogCapture.Line line : logs.lines()) {
                if (Printable.firstControl(line.message()).isPresent()) {
                    failures.add("a log line holds a raw control character: " + Printable.of(line.message()));
                }
            }
        }
        assertTrue(corpus.size() > 100, "the corpus has " + corpus.size() + " cases");
        assertEquals(List.of(), failures, failures.size() + " of " + corpus.size() + " cases answered wrongly");
        assertEquals(rowsBefore, rowsPerTable(), "no table gained or lost a row");
        assertEquals(objectsBefore, bucket.objectsUnder("", 100_000).size(), "no object was written to the bucket");
    }

    @Test
    void a_well_formed_request_of_the_same_shapes_is_still_accepted() throws Exception {
        TestData.Project project = data.project();
        UUID member = UUID.randomUUID();
        workspace.ensureMember(project.accountId(), member, "member");
        // Positive controls: without these the corpus could pass against entry points that refuse everything.
        assertEquals(200, answered(get("/console/overview", "window=1h", operator())).statusCode());
        assertEquals(404, answered(get("/interview-status/" + UUID.randomUUID(), "", bearer(member))).statusCode());
        HttpResponse ignored = answered(recallDelivery((recall("sdk_upload.complete", project,
                n -> n.put("event", "bot.joining_call")))));
        assertEquals(200, ignored.statusCode(), ignored.body());
        HttpResponse s3 = answered(post("/upload-completed", "", Map.of("content-type", "application/json"),
                s3Event("aws:s3", "ObjectCreated:Put", bucket.name(), "elsewhere/a.vtt").getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, s3.statusCode(), s3.body());
        assertTrue(s3.body().contains("ignored"), s3.body());
    }

    private List<Case> corpus(TestData.Project project, UUID member, MediaKey uploading) {
        List<Case> cases = new ArrayList<>();
        String key = uploading.key();
        String oversized = "x".repeat(5000);
        Map<String, String> json = Map.of("content-type", "application/json");
        for (String c : CONTROLS) {
            String shown = Printable.of(c);
            // Recall.ai: each id, code and name an event carries.
            cases.add(new Case("recall recording.id " + shown, recallDelivery((recall("sdk_upload.complete",
                    project, n -> ((ObjectNode) n.get("data").get("recording")).put("id", "rec" + c)))), 400));
            cases.add(new Case("recall sdk_upload.id " + shown, recallDelivery((recall("sdk_upload.complete",
                    project, n -> ((ObjectNode) n.get("data").get("sdk_upload")).put("id", "up" + c)))), 400));
            cases.add(new Case("recall sub_code " + shown, recallDelivery((recall("sdk_upload.failed",
                    project, n -> ((ObjectNode) n.get("data").get("data")).put("sub_code", "interrupted" + c)))), 400));
            cases.add(new Case("recall event " + shown, recallDelivery((recall("sdk_upload.complete",
                    project, n -> n.put("event", "bot.status" + c)))), 400));
            cases.add(new Case("recall account_id " + shown, recallDelivery((recall("sdk_upload.complete",
                    project, n -> ((ObjectNode) n.get("data").get("sdk_upload").get("metadata")).put("account_id",
                            project.accountId() + c)))), 400));
            // URL import: the URL, the ids and the title.
            cases.add(new Case("url-import url " + shown, post("/url-import", "", bearer(member, json),
                    urlImport(project, "https://example.com/a" + c + ".vtt", null)), 400));
            cases.add(new Case("url-import url %-escaped " + shown, post("/url-import", "", bearer(member, json),
                    urlImport(project, "https://example.com/a" + encoded(c) + ".vtt", null)), 400));
            cases.add(new Case("url-import title " + shown, post("/url-import", "", bearer(member, json),
                    urlImport(project, "https://example.com/a.vtt", "Call" + c)), 400));
            // Interview status: the id in the query and in the path.
            cases.add(new Case("interview-status query " + shown, get("/interview-status", "interviewId="
                    + encoded(UUID.randomUUID() + c), bearer(member)), 400));
            cases.add(new Case("interview-status parameter name " + shown, get("/interview-status", encoded("id" + c)
                    + "=1&interviewId=" + UUID.randomUUID(), bearer(member)), 400));
            // Upload completion: S3, EventBridge and forwarded R2, each field.
            cases.add(new Case("s3 key " + shown, post("/upload-completed", "", json,
                    s3Event("aws:s3", "ObjectCreated:Put", bucket.name(), key + encoded(c)).getBytes(StandardCharsets.UTF_8)), 400));
            cases.add(new Case("s3 raw key " + shown, post("/upload-completed", "", json,
                    s3Event("aws:s3", "ObjectCreated:Put", bucket.name(), key + c).getBytes(StandardCharsets.UTF_8)), 400));
            cases.add(new Case("s3 eventName " + shown, post("/upload-completed", "", json,
                    s3Event("aws:s3", "ObjectCreated:Put" + c, bucket.name(), key).getBytes(StandardCharsets.UTF_8)), 400));
            cases.add(new Case("s3 bucket.name " + shown, post("/upload-completed", "", json,
                    s3Event("aws:s3", "ObjectCreated:Put", bucket.name() + c, key).getBytes(StandardCharsets.UTF_8)), 400));
            cases.add(new Case("s3 eventSource " + shown, post("/upload-completed", "", json,
                    s3Event("aws:s3" + c, "ObjectCreated:Put", bucket.name(), key).getBytes(StandardCharsets.UTF_8)), 400));
            cases.add(new Case("eventbridge key " + shown, post("/upload-completed", "", json,
                    eventBridge(bucket.name(), key + c)), 400));
            cases.add(new Case("eventbridge bucket " + shown, post("/upload-completed", "", json,
                    eventBridge(bucket.name() + c, key)), 400));
            cases.add(new Case("r2 key " + shown, forwarded("POST", r2("PutObject", bucket.name(), JSON.valueToTree(key + c))), 400));
            cases.add(new Case("r2 bucket " + shown, forwarded("POST", r2("PutObject", bucket.name() + c, JSON.valueToTree(key))), 400));
            cases.add(new Case("r2 action " + shown, forwarded("POST", r2("PutObject" + c, bucket.name(), JSON.valueToTree(key))), 400));
            // The console: its window, an interview id in the path, a repair's step.
            cases.add(new Case("console window " + shown, get("/console/overview", "window=" + encoded("1h" + c), operator()), 400));
            cases.add(new Case("console repair from " + shown, post("/console/interviews/" + uploading.interviewId() + "/repair", "",
                    operator(), ("{\"from\": " + JSON.valueToTree("upload" + c) + "}").getBytes(StandardCharsets.UTF_8)), 400));
            cases.add(new Case("console interview id " + shown, get("/console/interviews/" + encoded(c), "", operator()), 400));
        }
        // Duplicated parameters: which value counts would be a guess.
        cases.add(new Case("interview-status interviewId twice", get("/interview-status", "interviewId=" + UUID.randomUUID()
                + "&interviewId=" + UUID.randomUUID(), bearer(member)), 400));
        cases.add(new Case("console window twice", get("/console/overview", "window=1h&window=2h", operator()), 400));
        // Fields of the wrong type.
        cases.add(new Case("s3 Records a string", post("/upload-completed", "", json, "{\"Records\":\"x\"}".getBytes(StandardCharsets.UTF_8)), 400));
        cases.add(new Case("s3 Records of strings", post("/upload-completed", "", json, "{\"Records\":[\"x\"]}".getBytes(StandardCharsets.UTF_8)), 400));
        cases.add(new Case("s3 numeric key", post("/upload-completed", "", json, s3Event("aws:s3", "ObjectCreated:Put", bucket.name(), null)
                .replace("\"KEY\"", "123").getBytes(StandardCharsets.UTF_8)), 400));
        cases.add(new Case("s3 size a string", post("/upload-completed", "", json, s3Event("aws:s3", "ObjectCreated:Put", bucket.name(), key)
                .replace("\"size\":1", "\"size\":\"big\"").getBytes(StandardCharsets.UTF_8)), 400));
        cases.add(new Case("s3 s3 a list", post("/upload-completed", "", json,
                "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":[1]}]}".getBytes(StandardCharsets.UTF_8)), 400));
        cases.add(new Case("r2 numeric key", forwarded("POST", r2("PutObject", bucket.name(), JSON.valueToTree(123))), 400));
        cases.add(new Case("r2 not JSON", forwarded("POST", "{".getBytes(StandardCharsets.UTF_8)), 400));
        cases.add(new Case("recall numeric recording id", recallDelivery((recall("sdk_upload.complete", project,
                n -> ((ObjectNode) n.get("data").get("recording")).put("id", 42)))), 400));
        cases.add(new Case("recall event an object", recallDelivery((recall("sdk_upload.complete", project,
                n -> n.putObject("event")))), 400));
        cases.add(new Case("url-import numeric url", post("/url-import", "", bearer(member, json),
                ("{\"accountId\":\"" + project.accountId() + "\",\"projectId\":\"" + project.projectId() + "\",\"url\":5}")
                        .getBytes(StandardCharsets.UTF_8)), 400));
        cases.add(new Case("url-import accountId an object", post("/url-import", "", bearer(member, json),
                ("{\"accountId\":{},\"projectId\":\"" + project.projectId() + "\",\"url\":\"https://example.com/a.vtt\"}")
                        .getBytes(StandardCharsets.UTF_8)), 400));
        cases.add(new Case("console repair from an object", post("/console/interviews/" + uploading.interviewId() + "/repair", "",
                operator(), "{\"from\": {}}".getBytes(StandardCharsets.UTF_8)), 400));
        cases.add(new Case("console repair body an array", post("/console/interviews/" + uploading.interviewId() + "/repair", "",
                operator(), "[]".getBytes(StandardCharsets.UTF_8)), 400));
        cases.add(new Case("console window 0h", get("/console/overview", "window=0h", operator()), 400));
        cases.add(new Case("console window a word", get("/console/overview", "window=soon", operator()), 400));
        // Methods an entry point does not take.
        for (String method : List.of("PUT", "DELETE", "GET", "PATCH")) {
            cases.add(new Case("upload-completed " + method, new FunctionRouter.LocalRequest(method, "/upload-completed", "", json,
                    s3Event("aws:s3", "ObjectCreated:Put", bucket.name(), key).getBytes(StandardCharsets.UTF_8), "127.0.0.1"), 405));
            cases.add(new Case("forwarded r2 " + method, forwarded(method, r2("PutObject", bucket.name(), JSON.valueToTree(key))), 405));
            if (!method.equals("GET")) {
                cases.add(new Case("interview-status " + method, new FunctionRouter.LocalRequest(method, "/interview-status/"
                        + UUID.randomUUID(), "", bearer(member), new byte[0], "127.0.0.1"), 405));
                cases.add(new Case("console overview " + method, new FunctionRouter.LocalRequest(method, "/console/overview", "",
                        operator(), new byte[0], "127.0.0.1"), 405));
            }
            cases.add(new Case("recall-webhook " + method, new FunctionRouter.LocalRequest(method, "/recall-webhook", "",
                    RecallFixtures.signedHeaders(recall("sdk_upload.complete", project, n -> { })), new byte[0], "127.0.0.1"), 405));
            cases.add(new Case("url-import " + method, new FunctionRouter.LocalRequest(method, "/url-import", "",
                    bearer(member, json), new byte[0], "127.0.0.1"), 405));
            cases.add(new Case("console repair " + method, new FunctionRouter.LocalRequest(method, "/console/interviews/"
                    + uploading.interviewId() + "/repair", "", operator(), new byte[0], "127.0.0.1"), 405));
        }
        // Interviews nobody has.
        UUID unknown = UUID.randomUUID();
        cases.add(new Case("interview-status unknown (path)", get("/interview-status/" + unknown, "", bearer(member)), 404));
        cases.add(new Case("interview-status unknown (query)", get("/interview-status", "interviewId=" + unknown, bearer(member)), 404));
        cases.add(new Case("console unknown interview", get("/console/interviews/" + unknown, "", operator()), 404));
        cases.add(new Case("console repair of an unknown interview", post("/console/interviews/" + unknown + "/repair", "",
                operator(), new byte[0]), 404));
        cases.add(new Case("console repair of an unknown interview from a step", post("/console/interviews/" + unknown + "/repair", "",
                operator(), "{\"from\":\"evidence\"}".getBytes(StandardCharsets.UTF_8)), 404));
        // Oversized values.
        cases.add(new Case("recall oversized recording id", recallDelivery((recall("sdk_upload.complete", project,
                n -> ((ObjectNode) n.get("data").get("recording")).put("id", oversized)))), 400));
        cases.add(new Case("s3 oversized key", post("/upload-completed", "", json,
                s3Event("aws:s3", "ObjectCreated:Put", bucket.name(), key + oversized).getBytes(StandardCharsets.UTF_8)), 400));
        cases.add(new Case("r2 oversized key", forwarded("POST", r2("PutObject", bucket.name(), JSON.valueToTree(key + oversized))), 400));
        cases.add(new Case("url-import oversized title", post("/url-import", "", bearer(member, json),
                urlImport(project, "https://example.com/a.vtt", oversized)), 400));
        cases.add(new Case("interview-status oversized id", get("/interview-status", "interviewId=" + oversized, bearer(member)), 400));
        cases.add(new Case("console oversized window", get("/console/overview", "window=" + "9".repeat(40) + "h", operator()), 400));
        return cases;
    }

    /** What serve answers; a forwarded R2 notification's answer is the Function URL response inside it. */
    private HttpResponse answered(FunctionRouter.LocalRequest request) throws Exception {
        HttpResponse response = router.route(request);
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() == 200 && body.has("statusCode") && body.has("body")) {
            return new HttpResponse(body.get("statusCode").asInt(), Map.of(), body.get("body").asText(), false);
        }
        return response;
    }

    private Map<String, Long> rowsPerTable() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        for (Row row : db.execute("SELECT table_schema || '.' || table_name AS t FROM information_schema.tables"
                + " WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'intake', 'accounts') ORDER BY 1", Tuple.tuple())) {
            tables.add(row.getString("t"));
        }
        for (String table : tables) {
            counts.put(table, db.execute("SELECT count(*) AS n FROM " + table, Tuple.tuple()).iterator().next().getLong("n"));
        }
        return counts;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static FunctionRouter.LocalRequest get(String path, String query, Map<String, String> headers) {
        return new FunctionRouter.LocalRequest("GET", path, query, headers, new byte[0], "127.0.0.1");
    }

    private static FunctionRouter.LocalRequest post(String path, String query, Map<String, String> headers, byte[] body) {
        return new FunctionRouter.LocalRequest("POST", path, query, headers, body, "127.0.0.1");
    }

    /** A delivery of {@code body} signed with the webhook secret, as Recall.ai sends it. */
    private static FunctionRouter.LocalRequest recallDelivery(byte[] body) {
        return post("/recall-webhook", "", RecallFixtures.signedHeaders(body), body);
    }

    private static byte[] recall(String contract, TestData.Project project, java.util.function.Consumer<ObjectNode> change) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(RecallFixtures.event("recall-" + contract.replace('.', '-')
                    .replace('_', '-') + ".json", UUID.randomUUID().toString(), project));
            change.accept(event);
            return JSON.writeValueAsBytes(event);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] urlImport(TestData.Project project, String url, String title) {
        ObjectNode body = JSON.createObjectNode().put("accountId", project.accountId().toString())
                .put("projectId", project.projectId().toString()).put("url", url);
        if (title != null) {
            body.put("title", title);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String s3Event(String source, String name, String bucketName, String key) {
        ObjectNode record = JSON.createObjectNode().put("eventSource", source).put("eventName", name);
        ObjectNode s3 = record.putObject("s3");
        s3.putObject("bucket").put("name", bucketName);
        s3.putObject("object").put("key", key == null ? "KEY" : key).put("size", 1);
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        return event.toString();
    }

    private static byte[] eventBridge(String bucketName, String key) {
        ObjectNode event = JSON.createObjectNode().put("detail-type", "Object Created").put("source", "aws.s3");
        ObjectNode detail = event.putObject("detail");
        detail.putObject("bucket").put("name", bucketName);
        detail.putObject("object").put("key", key).put("size", 1);
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] r2(String action, String bucketName, JsonNode key) {
        ObjectNode message = JSON.createObjectNode().put("action", action).put("bucket", bucketName);
        message.putObject("object").set("key", key);
        return message.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A forwarded R2 notification: the Function URL request the queue consumer sends, as upload-completed's event. */
    private static FunctionRouter.LocalRequest forwarded(String method, byte[] notification) {
        String event = dev.intake.testing.FunctionUrlEvents.request(method, "/", null,
                Map.of("x-intake-forward-secret", "test-forward-secret", "content-type", "application/json"), notification, false);
        return new FunctionRouter.LocalRequest("POST", "/upload-completed", "", Map.of("content-type", "application/json"),
                event.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    private static Map<String, String> bearer(UUID user) {
        return Map.of("authorization", "Bearer " + Tokens.forUser(user));
    }

    private static Map<String, String> bearer(UUID user, Map<String, String> more) {
        Map<String, String> headers = new HashMap<>(more);
        headers.putAll(bearer(user));
        return headers;
    }

    private static Map<String, String> operator() {
        return bearer(LocalUser.ID);
    }
}
