package io.chargeplane.bridge.ocpp.rpc;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the OCPP version for a WebSocket upgrade from what the station offers in
 * {@code Sec-WebSocket-Protocol} and what this deployment enables.
 *
 * <p>The newest enabled version that the station offered wins, whatever order the station listed them in:
 * a station offering {@code ocpp1.6, ocpp2.0.1} gets 2.0.1 when both are enabled. Tokens are compared
 * exactly (RFC 6455 subprotocol names are case-sensitive), and the server must answer with one of the
 * offered tokens verbatim, which {@link OcppVersion#subprotocol()} then is. An empty result means the
 * upgrade must be refused.
 */
public final class SubprotocolNegotiator {

    private SubprotocolNegotiator() {
    }

    /**
     * @param offeredHeaderValues the values of every {@code Sec-WebSocket-Protocol} header line, each possibly
     *                            a comma-separated list
     * @param enabled             the versions this deployment accepts
     */
    public static Optional<OcppVersion> select(Collection<String> offeredHeaderValues, Set<OcppVersion> enabled) {
        OcppVersion best = null;
        for (String headerValue : offeredHeaderValues) {
            if (headerValue == null) {
                continue;
            }
            for (String raw : headerValue.split(",")) {
                String token = raw.trim();
                Optional<OcppVersion> version = OcppVersion.fromSubprotocol(token);
                if (version.isPresent() && enabled.contains(version.get())
                        && (best == null || version.get().ordinal() < best.ordinal())) {
                    best = version.get();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Convenience for a single header value such as {@code "ocpp1.6, ocpp2.0.1"}. */
    public static Optional<OcppVersion> select(String offeredHeaderValue, Set<OcppVersion> enabled) {
        return offeredHeaderValue == null ? Optional.empty() : select(List.of(offeredHeaderValue), enabled);
    }
}
