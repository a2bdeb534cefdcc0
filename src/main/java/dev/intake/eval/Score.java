package dev.intake.eval;

/**
 * Counts behind each figure of one interview, or of many added up (so overall figures weigh every
 * label alike, not every file).
 */
public record Score(int evidenceLabels, int evidenceFound, int kindsRight, int quotes, int quotesOnALabel,
                    int interviewerQuotes, int peopleLabels, int peopleFoundWithRole, int questions, int answersRight,
                    int quoteWords, int takeawayLabels, int takeawaysCovered, int takeaways, int takeawaysOnALabel) {

    public static final Score NONE = new Score(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Score plus(Score other) {
        return new Score(evidenceLabels + other.evidenceLabels, evidenceFound + other.evidenceFound,
                kindsRight + other.kindsRight, quotes + other.quotes, quotesOnALabel + other.quotesOnALabel,
                interviewerQuotes + other.interviewerQuotes, peopleLabels + other.peopleLabels,
                peopleFoundWithRole + other.peopleFoundWithRole, questions + other.questions,
                answersRight + other.answersRight, quoteWords + other.quoteWords, takeawayLabels + other.takeawayLabels,
                takeawaysCovered + other.takeawaysCovered, takeaways + other.takeaways,
                takeawaysOnALabel + other.takeawaysOnALabel);
    }

    /** Labeled evidence that some output quote contains. */
    public double evidenceRecall() {
        return share(evidenceFound, evidenceLabels);
    }

    /** Of the evidence found, the share given the labeled kind. */
    public double kindAccuracy() {
        return share(kindsRight, evidenceFound);
    }

    /** Output quotes that contain a labeled phrase. */
    public double precision() {
        return share(quotesOnALabel, quotes);
    }

    /** Words in an output quote, on average: precision means little if every quote is a paragraph. */
    public double meanQuoteWords() {
        return quotes == 0 ? 0 : (double) quoteWords / quotes;
    }

    public double peopleRecall() {
        return share(peopleFoundWithRole, peopleLabels);
    }

    public double answersRightShare() {
        return share(answersRight, questions);
    }

    /** Labeled takeaways that some takeaway of the overview covers (cites evidence holding one of their phrases). */
    public double takeawayRecall() {
        return share(takeawaysCovered, takeawayLabels);
    }

    /** The overview's takeaways that cite evidence behind some labeled takeaway. */
    public double takeawayPrecision() {
        return share(takeawaysOnALabel, takeaways);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}
