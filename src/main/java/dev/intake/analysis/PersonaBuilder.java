package dev.intake.analysis;

import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.Person;
import dev.intake.interview.PersonRole;
import dev.intake.interview.PersonaDraft;
import dev.intake.interview.ThemeDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One persona per interviewee: named after the role the interviewee describes ("I run a team of eight
 * analysts" gives "Analyst team lead"), with their goals and pains as said.
 */
final class PersonaBuilder {

    private static final int MAX_ITEMS = 3;
    private static final Pattern RUNS_TEAM =
            Pattern.compile("(?i)\\bI (?:run|lead|manage) (?:a|the|our) team of (?:[\\w-]+ )?([\\p{L}-]+?)s?\\b");
    private static final Pattern I_AM =
            Pattern.compile("(?i)\\bI(?:'m| am) (?:a|an|the) ([\\p{L}-]+(?: [\\p{L}-]+)?)(?: at| in| for|[,.])");

    private PersonaBuilder() {
    }

    static List<PersonaDraft> build(List<Person> people, List<Evidence> evidence, List<ThemeDraft> themes) {
        List<PersonaDraft> personas = new ArrayList<>();
        for (Person person : people) {
            if (person.role() != PersonRole.INTERVIEWEE) {
                continue;
            }
            List<Evidence> theirs = evidence.stream().filter(e -> person.name().equals(e.speaker())).toList();
            if (theirs.isEmpty()) {
                continue;
            }
            List<String> goals = quotes(theirs, EvidenceKind.GOAL);
            List<String> pains = quotes(theirs, EvidenceKind.PAIN);
            List<String> pays = quotes(theirs, EvidenceKind.WILLINGNESS_TO_PAY);
            String name = roleName(theirs).orElse("Customer like " + person.name());
            StringBuilder description = new StringBuilder("Drawn from " + person.name() + ".");
            if (!themes.isEmpty()) {
                description.append(" Cares about: ")
                        .append(String.join(", ", themes.stream().limit(MAX_ITEMS).map(ThemeDraft::name).toList()))
                        .append('.');
            }
            if (!pays.isEmpty()) {
                description.append(" On paying: \"").append(pays.get(0)).append('"');
            }
            personas.add(new PersonaDraft(name, description.toString(), goals, pains, person.name()));
        }
        return personas;
    }

    private static Optional<String> roleName(List<Evidence> evidence) {
        for (Evidence e : evidence) {
            Matcher team = RUNS_TEAM.matcher(e.verbatim());
            if (team.find()) {
                return Optional.of(Words.capitalize(team.group(1).toLowerCase()) + " team lead");
            }
            Matcher role = I_AM.matcher(e.verbatim());
            if (role.find()) {
                return Optional.of(Words.capitalize(role.group(1).toLowerCase()));
            }
        }
        return Optional.empty();
    }

    private static List<String> quotes(List<Evidence> evidence, EvidenceKind kind) {
        return evidence.stream().filter(e -> e.kind() == kind).limit(MAX_ITEMS).map(Evidence::verbatim).toList();
    }
}
