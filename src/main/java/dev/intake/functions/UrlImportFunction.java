package dev.intake.functions;

import dev.intake.access.JwtAuthenticator;
import dev.intake.entry.UrlImport;
import dev.intake.http.HttpAdapter;
import dev.intake.http.HttpRequest;
import dev.intake.http.HttpResponse;
import io.quarkus.funqy.Funq;

/** Import the media at a URL, for a signed-in member of the account ({@code Authorization: Bearer <JWT>}). */
public class UrlImportFunction {

    private final JwtAuthenticator authenticator;
    private final UrlImport urlImport;

    UrlImportFunction(JwtAuthenticator authenticator, UrlImport urlImport) {
        this.authenticator = authenticator;
        this.urlImport = urlImport;
    }

    @Funq("url-import")
    public HttpResponse urlImport(HttpRequest request) {
        return HttpAdapter.respond("url-import", request, UrlImport.MAX_BODY_BYTES, r -> {
            HttpMethods.require(r, "POST");
            var caller = authenticator.authenticate(r.lowerCaseHeaders());
            return EntryResponses.of(urlImport.submit(caller, r.header("content-type"), r.rawBody()));
        });
    }
}
