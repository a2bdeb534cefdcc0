package dev.intake.lambda;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * function.zip unpacked as Lambda unpacks it into {@code /var/task}: entries in the order they are stored,
 * a later entry of a name replacing an earlier one. {@code duplicateEntries} names the files the zip holds
 * more than once (a packaging fault Lambda hides by keeping the last copy).
 */
record TaskRoot(Path dir, List<String> duplicateEntries) {

    static TaskRoot unpack(Path zip, Path into) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip.toAbsolutePath() + " is missing: run `mvn -B -DskipTests package` first");
        }
        Path root = into.toAbsolutePath().normalize();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip)))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IllegalStateException("zip entry " + entry.getName() + " points outside the task root");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                if (!seen.add(entry.getName())) {
                    duplicates.add(entry.getName());
                }
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + zip, e);
        }
        return new TaskRoot(root, List.copyOf(duplicates));
    }

    /** The task root and every jar under lib/, as a class path. */
    String classPath() {
        return dir + java.io.File.pathSeparator + dir.resolve("lib") + java.io.File.separator + "*";
    }

    /** The main class the artifact's manifest names: the one `java -jar` would run. */
    String mainClass() {
        try (InputStream in = Files.newInputStream(dir.resolve("META-INF/MANIFEST.MF"))) {
            String main = new Manifest(in).getMainAttributes().getValue("Main-Class");
            if (main == null) {
                throw new IllegalStateException("the manifest of " + dir + " names no Main-Class");
            }
            return main;
        } catch (IOException e) {
            throw new UncheckedIOException("the artifact has no readable META-INF/MANIFEST.MF", e);
        }
    }
}
