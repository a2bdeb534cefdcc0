package dev.intake.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded PostgreSQL and S3 servers, and WireMock, for every {@code @QuarkusTest}. */
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = S3Resource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = WireMockResource.class, restrictToAnnotatedClass = false)
public final class GlobalResources {
    private GlobalResources() {
    }
}
