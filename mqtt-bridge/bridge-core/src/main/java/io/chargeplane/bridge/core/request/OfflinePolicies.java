package io.chargeplane.bridge.core.request;

import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import io.chargeplane.model.request.StartTransactionReply;
import io.chargeplane.model.request.StartTransactionRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The built-in offline policies. Only authorization can be answered offline: a transaction id is the
 * platform's to assign, so {@code start_transaction} is never invented here and the device retries it.
 */
public final class OfflinePolicies {

    public static final String ACCEPT = "accept";
    public static final String REJECT = "reject";
    public static final String ACCEPT_KNOWN = "accept-known";

    private OfflinePolicies() {
    }

    public static OfflinePolicy named(String name, Duration knownTokenTtl, int knownTokenCapacity, LongSupplier nanoClock) {
        return switch (name) {
            case ACCEPT -> new Fixed(ACCEPT, AuthorizationStatus.ACCEPTED);
            case REJECT -> new Fixed(REJECT, AuthorizationStatus.UNKNOWN);
            case ACCEPT_KNOWN -> new AcceptKnown(new KnownTokens(knownTokenTtl, knownTokenCapacity, nanoClock));
            default -> throw new IllegalArgumentException("chargeplane.bridge.request.offline-policy: unknown policy '"
                    + name + "' (known: " + ACCEPT + ", " + REJECT + ", " + ACCEPT_KNOWN + ")");
        };
    }

    /** Every identification gets the same verdict. */
    private record Fixed(String name, AuthorizationStatus status) implements OfflinePolicy {

        @Override
        public Optional<DeviceReply> answer(DeviceAddress address, DeviceRequest request) {
            return request instanceof AuthorizeRequest ? Optional.of(AuthorizeReply.of(status)) : Optional.empty();
        }
    }

    /**
     * Accepts tokens the platform accepted within the TTL, for the same tenant, and answers {@code UNKNOWN}
     * for the rest. A token the platform refused is forgotten at once.
     */
    private record AcceptKnown(KnownTokens known) implements OfflinePolicy {

        @Override
        public Optional<DeviceReply> answer(DeviceAddress address, DeviceRequest request) {
            if (!(request instanceof AuthorizeRequest authorize)) {
                return Optional.empty();
            }
            boolean accepted = known.isKnown(address.tenant(), authorize.idToken());
            return Optional.of(AuthorizeReply.of(accepted ? AuthorizationStatus.ACCEPTED : AuthorizationStatus.UNKNOWN));
        }

        @Override
        public void observe(DeviceAddress address, DeviceRequest request, DeviceReply reply) {
            if (request instanceof AuthorizeRequest authorize && reply instanceof AuthorizeReply verdict) {
                known.record(address.tenant(), authorize.idToken(), verdict.status());
            } else if (request instanceof StartTransactionRequest start && reply instanceof StartTransactionReply started) {
                known.record(address.tenant(), start.idToken(), started.authorization().status());
            }
        }

        @Override
        public String name() {
            return ACCEPT_KNOWN;
        }
    }
}
