package dev.intake.ingest;

/** An object that arrived in a bucket, whatever notification told of it. {@code key} is decoded. */
public record ObjectCreated(String bucket, String key, long size) {
}
