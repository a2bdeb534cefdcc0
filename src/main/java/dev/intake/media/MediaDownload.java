package dev.intake.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/** An open response body being streamed; close it to release the connection. */
public record MediaDownload(URI uri, InputStream body, long contentLength, Optional<String> contentType,
                            AutoCloseable connection) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
