package dev.intake.testing;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A long customer conversation as WebVTT with voice tags (the format {@code ./intake process} reads from
 * a .vtt file): an interviewer asking and two interviewees answering, each answer two to four sentences
 * built from varied pains, goals, workarounds, prices and context, so a three-hour call yields thousands
 * of pieces of evidence as a real one does. Deterministic: the same size gives the same text.
 */
public final class LongTranscript {

    /** Turns of a three-hour call at this density: about 1.1 MB of WebVTT, as the call seen in the field. */
    public static final int THREE_HOURS = 4_200;
    private static final double SECONDS_PER_TURN = 3 * 3600.0 / THREE_HOURS;

    private static final String INTERVIEWER = "Morgan Hale";
    private static final List<String> INTERVIEWEES = List.of("Dana Whitfield", "Luis Ortega");
    private static final List<String> QUESTIONS = List.of(
            "What is the hardest part of %s today?",
            "How do you handle %s at the moment?",
            "What have you tried so far for %s?",
            "If you could change one thing about %s, what would it be?",
            "How much would you pay for help with %s?",
            "Who decides what you buy for %s?",
            "Can you tell me more about %s?",
            "What happens when %s goes wrong?");
    private static final List<String> TOPICS = List.of(
            "onboarding new analysts", "the weekly depot report", "invoice reconciliation", "shift scheduling",
            "customer refunds", "the month-end close", "vendor contracts", "warehouse inventory counts",
            "field technician visits", "support ticket triage", "the quarterly board pack", "payroll corrections",
            "fleet maintenance", "safety inspections", "price quotes for new clients", "the annual budget",
            "supplier onboarding", "returns processing", "training records", "audit preparation");
    private static final List<String> PAINS = List.of(
            "Honestly, %s is painful, and it takes about %s every week before anything ships.",
            "The worst part of %s is that nobody trusts the numbers, so I check everything twice.",
            "On %s we lose %s a month because things fall through the cracks.",
            "It's frustrating: %s breaks whenever someone goes on holiday.",
            "Every time %s changes, I spend %s chasing people for answers.",
            "Mistakes in %s cost us %s in fees last quarter.");
    private static final List<String> GOALS = List.of(
            "I'd love one place where %s just shows up without me asking.",
            "Ideally %s would take an afternoon instead of %s.",
            "What I want is for %s to run itself while I do the real work.",
            "I wish %s told me what changed since last week.",
            "Something that handles %s for us would be a game changer.");
    private static final List<String> WORKAROUNDS = List.of(
            "For now we keep %s in a shared spreadsheet and update it by hand.",
            "What I do is export %s to Excel every Friday and fix it manually.",
            "In the meantime I email myself a reminder about %s each morning.",
            "We print %s out and go through it with sticky notes.");
    private static final List<String> PRICES = List.of(
            "I'd pay %s a month for something that fixes %s.",
            "We already pay %s a year for a tool that only half covers %s.",
            "Anything over %s for %s needs approval from my director, Carla Mendes.");
    private static final List<String> CONTEXT = List.of(
            "I run a team of %s analysts, and %s is most of what we do on Mondays.",
            "We use a ticketing system for %s, but half the work happens in chat.",
            "My manager Priya Raman signs off on %s before it goes out.",
            "There are %s people involved in %s across three sites.");
    private static final List<String> AMOUNTS = List.of(
            "two hours", "three days", "half a day", "a whole morning", "two weeks", "forty minutes", "a full day");
    private static final List<String> MONEY = List.of(
            "$500", "$1,200", "fifty dollars", "two thousand dollars", "$300", "$8,000", "ninety dollars");
    private static final List<String> COUNTS = List.of("eight", "twelve", "four", "twenty", "six", "fifteen");
    /** Where and when, so that no two sentences of a long call read the same, as in a real one. */
    private static final List<String> PLACES = List.of(
            "at the Riverside depot", "in the north region", "for the Denver office", "at head office",
            "on the night shift", "in the new clinic", "for our biggest client", "in the Leeds warehouse",
            "at the two smaller sites", "on the weekend crew", "in the finance team", "at the airport branch");
    private static final List<String> TIMES = List.of(
            "since March", "last winter", "every quarter", "this year", "after the merger", "since the reorg",
            "during the busy season", "twice last month", "ever since the system upgrade", "before every audit",
            "on Mondays", "at month end", "when the auditors visit", "most weeks");

    private LongTranscript() {
    }

    /**
     * Prints a call for bench/long-interviews: of the size given in bytes of WebVTT ("10KB", "1MB",
     * "250000B"; a kilobyte is 1,000 bytes), of the turns given (a bare number), or a three-hour call.
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.out.print(threeHours());
            return;
        }
        String size = args[0].strip().toUpperCase(Locale.ROOT);
        if (size.matches("[0-9]+")) {
            System.out.print(webVtt(Integer.parseInt(size)));
        } else if (size.matches("[0-9]+(\\.[0-9]+)?(B|KB|MB)")) {
            double number = Double.parseDouble(size.replaceAll("[A-Z]+$", ""));
            long unit = size.endsWith("MB") ? 1_000_000 : size.endsWith("KB") ? 1_000 : 1;
            System.out.print(ofSize(Math.round(number * unit)));
        } else {
            throw new IllegalArgumentException("A size is a number of turns or of bytes with B, KB or MB (10KB, 1MB): " + args[0]);
        }
    }

    /** A call of about {@code bytes} bytes of WebVTT (within a turn's length, about 260 bytes), at a three-hour call's pace. */
    public static String ofSize(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("A call has at least one byte: " + bytes);
        }
        int probe = 200;
        double perTurn = (double) webVtt(probe).getBytes(java.nio.charset.StandardCharsets.UTF_8).length / probe;
        int turns = (int) Math.max(2, Math.round(bytes / perTurn));
        String vtt = webVtt(turns);
        double actual = (double) vtt.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / turns;
        int adjusted = (int) Math.max(2, Math.round(bytes / actual));
        return adjusted == turns ? vtt : webVtt(adjusted);
    }

    /** A three-hour call. */
    public static String threeHours() {
        return webVtt(THREE_HOURS);
    }

    /** A call of {@code turns} turns (an interviewer's question, an answer, ...), at a three-hour call's pace. */
    public static String webVtt(int turns) {
        Random random = new Random(turns);
        StringBuilder vtt = new StringBuilder(turns * 260);
        vtt.append("WEBVTT\n\nNOTE A long customer discovery call, generated for testing Intake on long interviews.\n\n");
        String topic = TOPICS.get(0);
        for (int t = 0; t < turns; t++) {
            double start = t * SECONDS_PER_TURN + 0.5;
            double end = start + SECONDS_PER_TURN - 0.6;
            String speaker;
            String text;
            if (t % 2 == 0) {
                topic = pick(random, TOPICS);
                speaker = INTERVIEWER;
                text = String.format(Locale.ROOT, pick(random, QUESTIONS), topic);
            } else {
                speaker = INTERVIEWEES.get((t / 2) % 7 == 6 ? 1 : 0);
                text = answer(random, topic);
            }
            vtt.append(clock(start)).append(" --> ").append(clock(end)).append('\n')
                    .append("<v ").append(speaker).append('>').append(text).append("\n\n");
        }
        return vtt.toString();
    }

    private static String answer(Random random, String topic) {
        int sentences = 2 + random.nextInt(3);
        StringBuilder answer = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            if (s > 0) {
                answer.append(' ');
            }
            answer.append(sentence(random, topic));
        }
        return answer.toString();
    }

    private static String sentence(Random random, String topic) {
        String said = template(random, topic);
        return said.substring(0, said.length() - 1) + ", " + pick(random, PLACES) + " " + pick(random, TIMES) + ".";
    }

    private static String template(Random random, String topic) {
        return switch (random.nextInt(6)) {
            case 0 -> fill(pick(random, PAINS), topic, pick(random, random.nextBoolean() ? AMOUNTS : MONEY));
            case 1 -> fill(pick(random, GOALS), topic, pick(random, AMOUNTS));
            case 2 -> fill(pick(random, WORKAROUNDS), topic);
            case 3 -> fill(pick(random, PRICES), pick(random, MONEY), topic);
            case 4 -> fill(pick(random, CONTEXT), pick(random, COUNTS), topic);
            default -> "We talked about " + topic + " at length in the last planning meeting, and " + pick(random, TOPICS)
                    + " came up again too.";
        };
    }

    /** The template with its placeholders filled in order; a template with fewer takes fewer. */
    private static String fill(String template, String... values) {
        int placeholders = template.split("%s", -1).length - 1;
        Object[] used = new Object[placeholders];
        for (int i = 0; i < placeholders; i++) {
            used[i] = values[Math.min(i, values.length - 1)];
        }
        String text = String.format(Locale.ROOT, template, used);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String clock(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, millis % 1000);
    }
}
