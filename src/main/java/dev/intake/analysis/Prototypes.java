package dev.intake.analysis;

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
                    "It takes me hours every week and it drives me crazy.",
                    "Things get missed and then customers call us upset.",
                    "Those errors cost us real money every year.",
                    "The information is always out of date because nobody maintains it.",
                    "The two programs don't connect, so everything gets entered twice.",
                    "I spend most of my morning chasing people for answers.",
                    "It crashes constantly and we have to start over.",
                    "We missed a shipment because nobody saw the change.",
                    "That one error cost us thousands of dollars.",
                    "Everything waits on me, and I can't keep up.",
                    "It's slow and clunky and my staff hate using it.",
                    "Nobody believes the numbers anymore, so they just ignore them.",
                    "When I go on vacation, nothing gets done.",
                    "We get complaints every week about lost paperwork.",
                    "Each branch does it its own way, so nothing matches."),
            EvidenceKind.GOAL, List.of(
                    "I want to see everything in one place.",
                    "Ideally it would just update automatically without anyone typing.",
                    "What I'd love is a dashboard that shows me where every order is.",
                    "It should work from a phone in the field, no laptop needed.",
                    "If it could fill in the forms for me, that would save my week.",
                    "I wish the system would warn me before something goes wrong.",
                    "My dream is that nobody has to retype anything ever again.",
                    "We need approvals to happen the same day.",
                    "It must be simple, or nobody will bother using it.",
                    "I'd like customers to get a reminder without us phoning them."),
            EvidenceKind.WILLINGNESS_TO_PAY, List.of(
                    "I'd happily spend two or three hundred monthly on that.",
                    "Forty or fifty dollars per person per month sounds reasonable.",
                    "Anything over ten thousand a year needs approval from the board.",
                    "If it's priced per seat, we won't buy it.",
                    "Worth it if it saved each of us an hour or two weekly.",
                    "Our budget for a tool like this is around five thousand a year.",
                    "We wouldn't pay more than what our current software costs.",
                    "If it cost under a thousand, I could expense it myself."),
            EvidenceKind.WORKAROUND, List.of(
                    "Right now I keep track of it all in a spreadsheet.",
                    "I note it on paper first and type it into the system each evening.",
                    "I built a small script that pulls the data out for me.",
                    "We just phone everyone one by one to check.",
                    "I re-enter the figures from one program into the other myself.",
                    "We keep a shared calendar on the wall of the break room.",
                    "We email a list around and ask everyone to update it.",
                    "I print it out and go through it with a highlighter.",
                    "We use a messaging app to tell each other who is taking which job.",
                    "So I fix those ones by hand every time."),
            EvidenceKind.CONTEXT, List.of(
                    "We're a team of twelve people across two offices.",
                    "We handle about three hundred orders a day.",
                    "There are four of us doing this job.",
                    "We use an off-the-shelf system for billing and scheduling.",
                    "Our director signs off on anything over five thousand.",
                    "Most of our business comes in the last two months of the year.",
                    "We have around forty clients, mostly small businesses.",
                    "All our customer records live in the CRM.",
                    "We're regulated, so everything has to be audited every year.",
                    "Our staff mostly work in the field, not at a desk.")));

    static final List<String> NOT_EVIDENCE = List.of(
            "Yep, you're coming through fine.",
            "Sorry, it's a bit noisy here.",
            "Thanks for having me.",
            "Good luck with the project!",
            "Yeah, exactly, that's right.",
            "Ha, that's true.",
            "Um, let me think about that.",
            "Sure, happy to help.",
            "I've got about half an hour before my next meeting.",
            "The weather has been crazy this week.",
            "That's a good question.",
            "Thanks, you too, take care.",
            "No problem at all.",
            "It's been a busy week, but it's fine.",
            "I'm calling from my car, so sorry if it cuts out.");

    static final Map<EvidenceKind, List<String>> QUESTIONS = new EnumMap<>(Map.of(
            EvidenceKind.PAIN, List.of(
                    "Which part of that is most difficult?", "What goes wrong?", "What frustrates you most about it?",
                    "Where does it break down?", "What happens when that fails?", "How much time does that cost you?",
                    "Describe a recent occasion when that went wrong.", "Why is that a problem?", "How frequently does it happen?",
                    "How much is that costing you?"),
            EvidenceKind.GOAL, List.of(
                    "If anything were possible, what would you change?", "What would the ideal solution look like?",
                    "If you could change a single thing about it, what would you change?", "What would make this easier?",
                    "What would a perfect tool do?", "What does success look like for you?",
                    "What would make you switch to something else?"),
            EvidenceKind.WILLINGNESS_TO_PAY, List.of(
                    "How much is solving that worth?", "What would you expect something like that to cost?",
                    "What price would feel fair?", "Is there budget for this?", "What would be a reasonable price?"),
            EvidenceKind.WORKAROUND, List.of(
                    "How do you handle that today?", "When it happens, what's your move?", "Have you found a way around it?",
                    "How are you keeping track of it now?", "Which fixes have you attempted?",
                    "How do you deal with it at the moment?"),
            EvidenceKind.CONTEXT, List.of(
                    "What's your job there?", "How big is your team?", "How many customers do you serve?",
                    "What tools do you use?", "Tell me about the company.", "Who makes the decision on buying software?")));

    static final List<String> SMALL_TALK_QUESTIONS = List.of(
            "Is my audio coming through?", "How's your week going?", "Thanks for joining, how are you?",
            "Thanks so much, this was really helpful.", "Is now still a good time?");

    /** The examples' vectors, centred on their mean so what they share (the topic of work) weighs less. */
    record Vectors(Map<EvidenceKind, List<float[]>> statements, List<float[]> notEvidence,
                   Map<EvidenceKind, List<float[]>> questions, List<float[]> smallTalk) {
    }

    private static volatile Vectors vectors;

    private Prototypes() {
    }

    /** The examples' vectors, embedded on first use and kept for the life of the process. */
    static Optional<Vectors> vectors(Embeddings embeddings) {
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

    private static Optional<Vectors> embed(Embeddings embeddings) {
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
