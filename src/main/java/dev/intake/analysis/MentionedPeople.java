package dev.intake.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The people named in one interview, each gathered from the forms they go by ("Raj", "Raj Patel";
 * "Dr. Okafor", "Dr. Amara Okafor") under the fullest: first and last name, else title and last name,
 * else the one name said. The speakers, by full name or either part of it, are not mentioned people.
 */
final class MentionedPeople {

    private static final class Named {
        String first;
        String last;
        String title;
        String relation;
        final String sentence;

        Named(String first, String last, String title, String relation, String sentence) {
            this.first = first;
            this.last = last;
            this.title = title;
            this.relation = relation;
            this.sentence = sentence;
        }

        String name() {
            if (first != null && last != null) {
                return first + " " + last;
            }
            if (last != null) {
                return title == null ? last : title + ". " + last;
            }
            return first;
        }

        void absorb(String otherFirst, String otherLast, String otherTitle, String otherRelation) {
            first = first != null ? first : otherFirst;
            last = last != null ? last : otherLast;
            title = title != null ? title : otherTitle;
            relation = relation != null ? relation : otherRelation;
        }
    }

    private final Set<String> speakerNames = new HashSet<>();
    private final List<Named> people = new ArrayList<>();

    MentionedPeople(List<String> speakers) {
        for (String speaker : speakers) {
            speakerNames.add(speaker);
            for (String part : speaker.split("\\s+")) {
                speakerNames.add(part);
            }
        }
    }

    /** Someone named with a title: "Dr. Okafor" (a last name) or "Dr. Amara Okafor". */
    void addTitled(String title, String name, String secondName, String relation, String sentence) {
        if (secondName == null) {
            add(null, name, title, relation, sentence);
        } else {
            add(name, secondName, title, relation, sentence);
        }
    }

    /** Someone named by first name, or first and last name. */
    void add(String first, String last, String relation, String sentence) {
        add(first, last, null, relation, sentence);
    }

    private void add(String first, String last, String title, String relation, String sentence) {
        String full = first != null && last != null ? first + " " + last : null;
        if ((full != null && speakerNames.contains(full)) || (full == null && speakerNames.contains(first != null ? first : last))) {
            return;
        }
        for (Named known : people) {
            if (samePerson(known, first, last)) {
                known.absorb(first, last, title, relation == null ? null : relation.toLowerCase(java.util.Locale.ROOT));
                return;
            }
        }
        people.add(new Named(first, last, title, relation == null ? null : relation.toLowerCase(java.util.Locale.ROOT),
                sentence));
    }

    private static boolean samePerson(Named known, String first, String last) {
        boolean firstAgrees = first == null || known.first == null || known.first.equals(first);
        boolean lastAgrees = last == null || known.last == null || known.last.equals(last);
        boolean shareOne = (first != null && first.equals(known.first)) || (last != null && last.equals(known.last));
        return firstAgrees && lastAgrees && shareOne;
    }

    List<MentionFinder.Mention> mentions() {
        List<MentionFinder.Mention> mentions = new ArrayList<>();
        for (Named named : people) {
            mentions.add(new MentionFinder.Mention(named.name(), named.relation, named.sentence));
        }
        return mentions;
    }
}
