package io.chargeplane.device.api;

import io.chargeplane.device.domain.Versions;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Successful answers: JSON bodies carrying the resource {@code version}, plus the version as ETag. Answers of
 * changes pass through the Idempotency-Key store, which replays status, body and Location only, so clients
 * take the version for their next If-Match from the body.
 */
final class Responses {

    private Responses() {
    }

    static Response ok(Object body, long version) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, Versions.etag(version)).build();
    }

    static Response created(String path, Object body, long version) {
        return Response.created(URI.create(path)).entity(body).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, Versions.etag(version)).build();
    }

    static Response noContent() {
        return Response.noContent().build();
    }
}
