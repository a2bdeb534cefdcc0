package dev.intake.entry;

/** An object that arrived in a bucket, whatever notification told of it. {@code key} is decoded. */
public record ObjectCreated(String bucket, String key, long size) {

    /**
     * The most objects one event may announce. S3 and EventBridge announce one; a Cloudflare Queue
     * batches at most 100. More is not a notification, and would not fit one invocation's time.
     */
    public static final int MAX_PER_EVENT = 100;
}
