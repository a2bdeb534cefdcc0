package dev.intake.providers.analysis;

import dev.intake.interview.EvidenceKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each kind of evidence sounds like, as example statements a customer might make in any line of
 * business, and what does not count as evidence (small talk, filler, agreement, the logistics of the
 * call). Also what the interviewer's question sounds like when it asks for one kind. A statement is
 * classified zero-shot by the examples it is nearest to in meaning; the examples' vectors are computed
 * once per process.
 */
final class Prototypes {

    static final Map<EvidenceKind, List<String>> STATEMENTS = new EnumMap<>(Map.of(
            EvidenceKind.PAIN, List.of(
                    "Every Friday I lose half a day reconciling the two reports.",
                    "Orders slip through and the customer finds out before we do.",
                    "Those errors cost us real money last quarter.",
                    "The records are stale most of the time, nobody keeps them current.",
                    "Our two systems don't talk, so we key everything in twice.",
                    "I spend my mornings hunting people down for updates.",
                    "The software freezes and we lose whatever we typed.",
                    "A delivery went out wrong because the change never reached the crew.",
                    "It's exhausting, honestly, and my people are burning out.",
                    "Everything bottlenecks on me and I can't keep up.",
                    "The app is so clunky that half the staff refuse to open it.",
                    "Nobody trusts the report, so they ignore it.",
                    "If I take a day off, the whole thing stalls.",
                    "Paperwork goes missing and clients get angry.",
                    "Every location does it differently, so the numbers never line up."),
            EvidenceKind.GOAL, List.of(
                    "I want one screen that shows me the status of everything.",
                    "What I'm after is for it to update by itself, no typing.",
                    "My hope is a view where I can see every job at a glance.",
                    "It should work from a phone in the field, no laptop needed.",
                    "If it could fill in the paperwork for me, that would be huge.",
                    "I'd love an alert before something goes wrong, not after.",
                    "The goal is that nobody ever retypes the same information.",
                    "We need sign-offs to happen the same day they're requested.",
                    "It must be simple, or nobody will bother using it.",
                    "Customers should get a reminder without anybody calling them."),
            EvidenceKind.WILLINGNESS_TO_PAY, List.of(
                    "Several hundred monthly seems fine for something like that.",
                    "Forty or fifty dollars per person per month sounds reasonable.",
                    "Anything above ten grand a year needs the board's vote.",
                    "If they charge per user, it's a non-starter for us.",
                    "Worth it if it saved each of us an hour or two weekly.",
                    "We have maybe five thousand a year set aside for tools.",
                    "I wouldn't spend more than we pay for our current system.",
                    "Under a thousand dollars I can expense it without asking."),
            EvidenceKind.WORKAROUND, List.of(
                    "For now we track it all in a spreadsheet.",
                    "I jot it on paper and enter it into the system at night.",
                    "I wrote a little script that exports the data for me.",
                    "We phone each person one at a time to confirm.",
                    "I copy the numbers from one program into the other by hand.",
                    "There's a paper calendar pinned up in the office.",
                    "We send a list around by email and ask people to fill it in.",
                    "I print it out and mark it up with a pen.",
                    "We use a group chat to claim jobs.",
                    "So I end up fixing those by hand every single time."),
            EvidenceKind.CONTEXT, List.of(
                    "There are twelve of us across two offices.",
                    "We process roughly three hundred requests a day.",
                    "Four people on my team do this work.",
                    "Billing and scheduling run on an off-the-shelf package.",
                    "My director approves anything above five thousand.",
                    "Most of our volume comes in the last two months of the year.",
                    "We serve about forty clients, mostly small businesses.",
                    "All the customer records are in the CRM.",
                    "We're regulated, so we get audited every year.",
                    "Most of our staff are out in the field, not at desks.")));

    static final List<String> NOT_EVIDENCE = List.of(
            "Yep, you're coming through fine.",
            "Sorry, there's some background noise here.",
            "Glad to help out.",
            "Best of luck with it!",
            "Right, yeah, exactly.",
            "Ha, fair enough.",
            "Hmm, give me a second to think.",
            "Sure, no problem.",
            "I need to jump to another call in thirty minutes.",
            "It's been raining all week here.",
            "Oh, good question.",
            "Thanks, you as well, bye now.",
            "Not at all, happy to.",
            "Busy week, but I'm hanging in there.",
            "I'm driving, so I might drop for a second.");

    static final Map<EvidenceKind, List<String>> QUESTIONS = new EnumMap<>(Map.of(
            EvidenceKind.PAIN, List.of(
                    "What's the toughest part of that?", "What goes wrong with it?", "What annoys you most about it?",
                    "Where does the process fall apart?", "What happens when it breaks?", "How much time does that eat up?",
                    "When did that last go badly?", "Why does that matter so much?", "How frequently does it happen?",
                    "What does it end up costing?"),
            EvidenceKind.GOAL, List.of(
                    "If anything were possible, what would you change?", "What would the perfect setup look like?",
                    "What would make that easier?", "If you could change just one part, which would it be?",
                    "What does a good outcome look like?", "What would your ideal tool do?",
                    "What would get you to switch?"),
            EvidenceKind.WILLINGNESS_TO_PAY, List.of(
                    "How much is solving that worth?", "What would you expect something like that to cost?",
                    "What price seems fair?", "Do you have a budget for this?", "What would you be willing to pay?"),
            EvidenceKind.WORKAROUND, List.of(
                    "How do you manage that today?", "When it happens, what's your move?", "Have you found a way around it?",
                    "How are you keeping track of it now?", "Which fixes have you attempted?",
                    "How do you cope with it at the moment?"),
            EvidenceKind.CONTEXT, List.of(
                    "What's your job there?", "How many people are on the team?", "How many customers do you have?",
                    "Which tools do you use?", "Describe the business for me.", "Who decides on buying software?")));

    static final List<String> SMALL_TALK_QUESTIONS = List.of(
            "Is my audio coming through?", "How has your day been?", "Thanks for making time, how are you doing?",
            "Thanks a lot, this was super useful.", "Is this still a good time to talk?");

    /** The examples' vectors, centred on their mean so what they share (the topic of work) weighs less. */
    record Vectors(Map<EvidenceKind, List<float[]>> statements, List<float[]> notEvidence,
                   Map<EvidenceKind, List<float[]>> questions, List<float[]> smallTalk) {
    }

    private static volatile Vectors vectors;

    private Prototypes() {
    }

    /** The examples' vectors, embedded on first use and kept for the life of the process. */
    static Optional<Vectors> vectors(SentenceEmbeddings embeddings) {
        if (embeddings == null) {
            // Without the model there is nothing to compare with, whatever another analyzer of this JVM cached.
            return Optional.empty();
        }
        Vectors cached = vectors;
        if (cached != null) {
            return Optional.of(cached);
        }
        synchronized (Prototypes.class) {
            if (vectors == null) {
                vectors = embed(embeddings).orElse(null);
            }
            return Optional.ofNullable(vectors);
        }
    }

    private static Optional<Vectors> embed(SentenceEmbeddings embeddings) {
        List<String> texts = new ArrayList<>();
        STATEMENTS.values().forEach(texts::addAll);
        texts.addAll(NOT_EVIDENCE);
        QUESTIONS.values().forEach(texts::addAll);
        texts.addAll(SMALL_TALK_QUESTIONS);
        return embeddings.embed(texts).map(all -> {
            List<float[]> statementVectors = VectorMath.centred(all.subList(0, texts.size() - questionCount()));
            int[] at = {0};
            Map<EvidenceKind, List<float[]>> statements = new EnumMap<>(EvidenceKind.class);
            STATEMENTS.forEach((kind, examples) -> statements.put(kind, take(statementVectors, at, examples.size())));
            List<float[]> notEvidence = take(statementVectors, at, NOT_EVIDENCE.size());
            int[] q = {texts.size() - questionCount()};
            Map<EvidenceKind, List<float[]>> questions = new EnumMap<>(EvidenceKind.class);
            QUESTIONS.forEach((kind, examples) -> questions.put(kind, take(all, q, examples.size())));
            return new Vectors(statements, notEvidence, questions, take(all, q, SMALL_TALK_QUESTIONS.size()));
        });
    }

    private static int questionCount() {
        return QUESTIONS.values().stream().mapToInt(List::size).sum() + SMALL_TALK_QUESTIONS.size();
    }

    private static List<float[]> take(List<float[]> from, int[] at, int n) {
        List<float[]> part = List.copyOf(from.subList(at[0], at[0] + n));
        at[0] += n;
        return part;
    }
}
