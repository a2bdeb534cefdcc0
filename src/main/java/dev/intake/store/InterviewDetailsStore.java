package dev.intake.store;

import java.util.Locale;
import java.util.Optional;

import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The interview's own fields that Insights' upload path fills (app/routes/api.onboarding-start.tsx,
 * uploadCore.ts) and its list, cards and detail page show: media_type, source_type, file_extension,
 * interview_date, participant_pseudonym, and a generated title in place of a placeholder. Each is set
 * only where it is NULL (the title only while it is still the placeholder read), so nothing Insights or
 * a person set is overwritten.
 */
@ApplicationScoped
public class InterviewDetailsStore {

    /**
     * $2 source_type and $3 file_extension as the media says; media_type 'interview' (the upload form's
     * default); interview_date the day the row was made (Insights: the day of the upload);
     * participant_pseudonym the first participant's name, else Insights' "Participant 1". The title
     * becomes $4 only when it still is $5. Sent behind the lease's fence ({@link LeaseFence}).
     */
    @Sql
    static final String FILL = """
            UPDATE interviews SET
                media_type = coalesce(media_type, 'interview'),
                source_type = coalesce(source_type, $2),
                file_extension = coalesce(file_extension, $3),
                interview_date = coalesce(interview_date, (created_at AT TIME ZONE 'UTC')::date),
                participant_pseudonym = coalesce(participant_pseudonym,
                    (SELECT p.name FROM interview_people ip JOIN people p ON p.id = ip.person_id
                     WHERE ip.interview_id = interviews.id AND ip.role = 'participant' AND p.deleted_at IS NULL
                       AND coalesce(p.name, '') <> ''
                     ORDER BY ip.id LIMIT 1),
                    'Participant 1'),
                title = CASE WHEN $4::text IS NOT NULL AND title IS NOT DISTINCT FROM $5::text THEN $4 ELSE title END,
                updated_at = now()
            WHERE id = $1""";

    private final FencedWrites writes;

    InterviewDetailsStore(FencedWrites writes) {
        this.writes = writes;
    }

    /**
     * Fills the fields still NULL from the interview's media, and replaces {@code placeholder} with
     * {@code title} when given and the title has not changed since it was read.
     */
    public void fill(Lease lease, Interview interview, Optional<String> title, String placeholder) {
        Interview.Source source = interview.source();
        String file = fileName(interview.mediaKey()).orElse(null);
        String sourceType = source.origin() == Interview.Origin.RECALL ? Interview.Source.RECALL
                : file == null ? null : Interview.Source.typeOf(file);
        Tuple args = Tuple.from(java.util.Arrays.asList(interview.id(), sourceType, extension(file).orElse(null),
                title.orElse(null), placeholder));
        writes.write(lease, tx -> tx.send(FILL, args));
    }

    /** The last segment of a media key or URL, without query or fragment. */
    public static Optional<String> fileName(String media) {
        if (media == null || media.isBlank()) {
            return Optional.empty();
        }
        String path = media.split("[?#]", 2)[0];
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    /** Lowercase, without the dot (Insights' convention); empty for a name without one. */
    static Optional<String> extension(String fileName) {
        if (fileName == null || !fileName.contains(".") || fileName.endsWith(".")) {
            return Optional.empty();
        }
        return Optional.of(fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }
}
