package dev.intake.analysis;

import static dev.intake.analysis.AnalyzerTest.conversation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** People named in passing: the ways speakers name them, and the names that are not people. */
class MentionFinderTest {

    private static List<String> mentioned(String... interviewee) {
        String[] lines = new String[interviewee.length + 1];
        lines[0] = "Interviewer: Who else is involved?";
        for (int i = 0; i < interviewee.length; i++) {
            lines[i + 1] = "Tess Morrow: " + interviewee[i];
        }
        return MentionFinder.find(conversation(lines)).stream().map(MentionFinder.Mention::name).toList();
    }

    @Test
    void people_named_with_a_title_keep_it_when_no_first_name_is_said() {
        assertEquals(List.of("Dr. Nakamura", "Mrs. Whitfield"),
                mentioned("Dr. Nakamura reviews every chart, and Mrs. Whitfield handles the billing."));
    }

    @Test
    void a_first_name_alone_is_a_person_when_someone_acts_or_is_acted_on() {
        assertEquals(List.of("Priscilla", "Omar", "Walter"), mentioned(
                "Usually I asked Priscilla to cover the phones.",
                "Omar in accounting checks the totals.",
                "Walter has done this for twenty years."));
    }

    @Test
    void a_role_before_or_after_the_name_gives_the_relation() {
        List<MentionFinder.Mention> mentions = MentionFinder.find(conversation(
                "Interviewer: Who signs off?",
                "Tess Morrow: Our CFO, Helen Park, signs anything big.",
                "Tess Morrow: Our VP of Sales, Dev Malhotra, wants it too, and my manager, Greg Olsen, agrees.",
                "Tess Morrow: The owner, Mr. Castillo, has the final say.",
                "Tess Morrow: Lorna Beck, she's my boss, hates new software."));
        assertEquals(List.of(
                new MentionFinder.Mention("Helen Park", "cfo", "Our CFO, Helen Park, signs anything big."),
                new MentionFinder.Mention("Dev Malhotra", "vp of sales",
                        "Our VP of Sales, Dev Malhotra, wants it too, and my manager, Greg Olsen, agrees."),
                new MentionFinder.Mention("Greg Olsen", "manager",
                        "Our VP of Sales, Dev Malhotra, wants it too, and my manager, Greg Olsen, agrees."),
                new MentionFinder.Mention("Mr. Castillo", "owner", "The owner, Mr. Castillo, has the final say."),
                new MentionFinder.Mention("Lorna Beck", "boss", "Lorna Beck, she's my boss, hates new software.")),
                mentions);
    }

    @Test
    void one_person_named_several_ways_is_one_person_under_the_fullest_name() {
        assertEquals(List.of("Kenji Nakamura", "Helen Park"), mentioned(
                "Dr. Nakamura runs the clinic.",
                "Dr. Kenji Nakamura is the one who decides.",
                "Helen said no last year.",
                "Our CFO, Helen Park, said no again.",
                "So Helen would have to agree."));
    }

    @Test
    void products_companies_places_days_months_and_pets_are_not_people() {
        assertEquals(List.of(), mentioned(
                "We bank with Wells Fargo and the ads for Smith & Smith are everywhere.",
                "For plumbing we use Mr. Handyman, and the books are in QuickBooks.",
                "Our office in Denver closes on Monday, and in April we move to Google Sheets.",
                "My dog Max keeps barking during calls.",
                "Right, the owners are our clients."));
    }

    @Test
    void the_speakers_are_not_mentioned_people() {
        List<String> names = MentionFinder.find(conversation(
                "Interviewer: Thanks, Tess. What does Jorge do?",
                "Tess Morrow: Jorge Ruiz? He's me, basically. Tess does everything here, ha.",
                "Jorge Ruiz: I do the deliveries.")).stream().map(MentionFinder.Mention::name).toList();
        assertTrue(names.isEmpty(), names.toString());
    }

    @Test
    void given_names_come_from_a_list_of_thousands_and_months_and_days_are_never_names() {
        assertTrue(FirstNames.size() > 10_000, FirstNames.size() + " names");
        assertTrue(FirstNames.contains("Oksana") && FirstNames.contains("Priya") && FirstNames.contains("Deshawn"));
        assertFalse(FirstNames.contains("May") || FirstNames.contains("June") || FirstNames.contains("Sunday"));
    }

    @Test
    void a_name_that_is_also_an_everyday_word_is_a_person_only_where_the_word_is_never_said_plainly() {
        assertEquals(List.of("Grant"), mentioned(
                "Grant approves the schedule every week.",
                "Will it work? I will ask around."));
        assertEquals(List.of(), mentioned(
                "Grant approves the schedule every week.",
                "We applied for a grant last year."));
    }

    @Test
    void a_role_is_known_by_its_ending_where_no_list_names_it() {
        assertEquals(List.of(new MentionFinder.Mention("Rosa Ibarra", "dispatcher", "Our dispatcher, Rosa Ibarra, texts every driver.")),
                MentionFinder.find(conversation("Interviewer: Who else is involved?",
                        "Tess Morrow: Our dispatcher, Rosa Ibarra, texts every driver.")));
        assertFalse(Roles.NAMED.matcher("And then it goes to the desk.").find(), "'it' is no IT department");
        assertTrue(Roles.NAMED.matcher("The partners sign off, and IT checks it.").find());
    }
}
