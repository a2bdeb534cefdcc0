package dev.intake.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** Intake's log lines while a test runs: what a failure says, and that it says it in one line. */
public final class LogCapture implements AutoCloseable {

    public record Line(Level level, String logger, String message, Throwable thrown) {
        public boolean says(String text) {
            return message.contains(text);
        }
    }

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            lines.add(new Line(record.getLevel(), record.getLoggerName(), message, record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String category) {
        logger = Logger.getLogger(category);
        logger.addHandler(handler);
    }

    public static LogCapture start() {
        return new LogCapture("dev.intake");
    }

    /** Every logger's lines, the libraries' (AWS SDK, Vert.x, Quarkus) as well as Intake's. */
    public static LogCapture everything() {
        return new LogCapture("");
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<Line> saying(String text) {
        return lines.stream().filter(line -> line.says(text)).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
