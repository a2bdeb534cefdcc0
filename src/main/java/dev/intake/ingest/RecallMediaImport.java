package dev.intake.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.IntakeConfig;
import dev.intake.providers.recall.RecallClient;
import dev.intake.providers.recall.RecallRecording;
import dev.intake.providers.transcription.RecallTranscriptParser;
import dev.intake.providers.transcription.SizeLimitedInputStream;
import dev.intake.providers.transcription.Transcript;
import dev.intake.providers.transcription.TranscriptParseException;
import dev.intake.store.Interview;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Brings a Recall.ai recording in: its mixed video streamed into the bucket, and Recall's transcript
 * turned into the interview's, so a Recall import needs no transcription provider.
 */
@ApplicationScoped
public class RecallMediaImport {

    private final RecallClient recall;
    private final GuardedHttp http;
    private final MediaCopier copier;
    private final ObjectMapper json;
    private final long maxMediaBytes;
    private final long maxTranscriptBytes;

    RecallMediaImport(RecallClient recall, GuardedHttp http, MediaCopier copier, ObjectMapper json, IntakeConfig config) {
        this.recall = recall;
        this.http = http;
        this.copier = copier;
        this.json = json;
        this.maxMediaBytes = config.urlImport().maxBytes();
        this.maxTranscriptBytes = config.maxTranscriptBytes();
    }

    /** What came in: the recording's id, the video's key if it had one, and Recall's transcript if it had one. */
    public record Imported(String recordingId, Optional<MediaKey> video, Optional<Transcript> transcript) {
    }

    public Imported importRecording(Interview interview) {
        Interview.Source source = interview.source();
        String recordingId = source.recallRecordingId() != null
                ? source.recallRecordingId()
                : recall.recordingOfBot(source.recallBotId());
        RecallRecording recording = recall.recording(recordingId);
        Optional<MediaKey> video = recording.videoUrl().map(url -> {
            MediaKey key = new MediaKey(interview.accountId(), interview.projectId(), interview.id(),
                    "recording." + recording.videoFormat());
            try (MediaDownload download = http.open(url)) {
                copier.copy(download.body(), download.contentLength(), "video/" + recording.videoFormat(), key.key(),
                        maxMediaBytes);
            } catch (IOException e) {
                throw new UncheckedIOException("closing the Recall.ai video download failed", e);
            }
            return key;
        });
        Optional<Transcript> transcript = recording.transcriptUrl().map(this::transcript);
        return new Imported(recordingId, video, transcript);
    }

    private Transcript transcript(String url) {
        try (MediaDownload download = http.open(url)) {
            return RecallTranscriptParser.parse(json.readTree(new SizeLimitedInputStream(download.body(), maxTranscriptBytes)));
        } catch (JsonProcessingException e) {
            throw new TranscriptParseException("the Recall.ai transcript is not JSON");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the Recall.ai transcript failed: " + e.getMessage(), e);
        }
    }
}
