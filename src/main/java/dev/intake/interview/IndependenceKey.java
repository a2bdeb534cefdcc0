package dev.intake.interview;

import java.util.List;
import java.util.Locale;

/**
 * {@code evidence.independence_key} as Insights computes it: a short signature of the headline and the
 * main facet kind, equal for near-duplicate evidence (32-bit FNV-1a over UTF-16 code units, as its
 * JavaScript hashes them, in 8 hex digits).
 */
public final class IndependenceKey {

    private IndependenceKey() {
    }

    public static String of(String text, List<String> kindSlugs) {
        String quote = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        String mainTag = kindSlugs.isEmpty() ? "" : kindSlugs.get(0).toLowerCase(Locale.ROOT).strip();
        return hash(quote.substring(0, Math.min(160, quote.length())) + "|" + mainTag);
    }

    static String hash(String input) {
        int h = (int) 2166136261L;
        for (int i = 0; i < input.length(); i++) {
            h ^= input.charAt(i);
            h *= 16777619;
        }
        String hex = Integer.toHexString(h);
        return "00000000".substring(hex.length()) + hex;
    }
}
