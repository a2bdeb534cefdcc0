package dev.intake.providers.transcription;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a transcript, failing once more than {@code limit} bytes have come, so it is never read whole first. */
public final class SizeLimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    public SizeLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        count += n;
        if (count > limit) {
            throw new TranscriptParseException("the transcript is larger than the " + limit + "-byte limit");
        }
    }
}
