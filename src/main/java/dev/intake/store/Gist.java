package dev.intake.store;

/** evidence.gist: the headline Insights shows above a quote; its first sentence, at most 120 characters. */
final class Gist {

    private static final int MAX = 120;

    private Gist() {
    }

    static String of(String verbatim) {
        String text = verbatim.strip();
        int end = text.length();
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && Character.isWhitespace(text.charAt(i + 1))) {
                end = i + 1;
                break;
            }
        }
        String sentence = text.substring(0, end);
        return sentence.length() <= MAX ? sentence : sentence.substring(0, sentence.lastIndexOf(' ', MAX - 1) > 0
                ? sentence.lastIndexOf(' ', MAX - 1) : MAX - 1) + "…";
    }
}
