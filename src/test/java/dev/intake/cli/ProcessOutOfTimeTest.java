package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.intake.testing.Cli;
import dev.intake.testing.LongTranscript;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * A `process` whose wait runs out says so in one line, with where the interview is, exits with a code
 * of its own, and names the command that finishes it; that command, run as printed, ends ready.
 */
@QuarkusTest
class ProcessOutOfTimeTest {

    private static final Pattern COMMAND = Pattern.compile("`\\./intake (repair [^`]+)`");

    @Inject
    CommandLine.IFactory factory;
    @Inject
    TestData data;

    @Test
    void a_process_out_of_time_says_where_the_interview_is_and_the_command_it_names_finishes_it(@TempDir Path dir)
            throws Exception {
        TestData.Project project = data.project("What slows the team down?");
        // Long enough that its run is still going when the wait has run out.
        Path call = Files.writeString(dir.resolve("long-call.vtt"), LongTranscript.webVtt(300));

        Cli.Run process = Cli.run(factory, "process", call.toString(), "--project", project.projectId().toString(),
                "--timeout", "PT0.001S");

        assertEquals(WaitRanOut.EXIT_CODE, process.exit(), process.out() + process.err());
        List<String> gaveUp = process.err().lines().filter(l -> l.contains("gave up waiting")).toList();
        assertEquals(1, gaveUp.size(), process.err());
        String line = gaveUp.get(0);
        assertTrue(line.startsWith("intake process: gave up waiting after 0 s: interview "), line);
        assertTrue(line.matches(".* is still [a-z]+ at [a-z-]+ \\(\\d+ %\\); its run stopped with this command, .*"), line);
        Matcher command = COMMAND.matcher(line);
        assertTrue(command.find(), line);
        String[] args = command.group(1).split(" ");
        UUID id = UUID.fromString(args[1]);
        assertTrue(!data.interview(id).status().isSettled(), "still in flight when the command returned");

        Cli.Run finish = Cli.run(factory, args);

        assertEquals(0, finish.exit(), finish.out() + finish.err());
        assertEquals(InterviewStatus.READY, data.interview(id).status());
        assertTrue(data.rows("evidence", id) > 0);
    }
}
