package io.chargeplane.device.identity;

import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemDetail;
import io.chargeplane.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Device identities in Keycloak, one confidential client per device (see {@link DeviceClients}). The registry
 * calls these around its own changes so that its rows and the clients do not drift: a client is created before the
 * device row and discarded if the row cannot be written, and disabled before a device is blocked or deleted.
 * Secrets are generated here, set in Keycloak and handed back once; nothing here keeps them.
 */
@ApplicationScoped
public class DeviceIdentities {

    private static final Logger LOG = Logger.getLogger(DeviceIdentities.class);

    /** The desired state of a device's client, taken from its registry row. */
    public record Desired(String tenant, String identity, String protocol, boolean enabled) {
    }

    /** A client created for a new device: its Keycloak id (to discard it again) and its one-time credentials. */
    public record Issued(String keycloakId, DeviceCredentials credentials) {
    }

    private final KeycloakAdmin admin;

    public DeviceIdentities(KeycloakAdmin admin) {
        this.admin = admin;
    }

    /**
     * Creates the device's client with a new secret.
     *
     * @throws ProblemException (as failure) {@code conflict} on {@code identity} when the client exists already,
     *                          {@code service_unavailable} when Keycloak cannot do it
     */
    public Uni<Issued> create(Desired device) {
        String secret = DeviceSecrets.generate();
        return admin.createClient(DeviceClients.representation(device.tenant(), device.identity(), device.protocol(),
                        device.enabled(), secret, Instant.now()))
                .map(id -> new Issued(id, new DeviceCredentials(DeviceClients.clientId(device.identity()), secret)))
                .onFailure(KeycloakAdmin.ClientExists.class).transform(e -> new ProblemException(ErrorCode.CONFLICT,
                        "identity: a device identity with this id already exists",
                        List.of(new ProblemDetail.FieldError("identity", "is already taken")), e));
    }

    /**
     * Deletes a client this service has just created, when the registry row could not be written. A failure is
     * logged, not raised: the caller already answers with the registry's failure.
     */
    public Uni<Void> discard(Issued issued) {
        return admin.deleteClient(issued.keycloakId())
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("device client %s (%s) could not be deleted after the registry refused the device; "
                            + "it stays as an orphan: %s", issued.credentials().clientId(), issued.keycloakId(), e);
                    return null;
                });
    }

    /**
     * Sets a new secret and re-applies the device's state (enabled, attributes, claims). A device whose client is
     * missing (registered before identities existed, or its client was deleted in Keycloak) gets one.
     */
    public Uni<DeviceCredentials> rotate(Desired device) {
        String clientId = DeviceClients.clientId(device.identity());
        String secret = DeviceSecrets.generate();
        return admin.findClient(clientId).flatMap(found -> found.isEmpty()
                        ? admin.createClient(DeviceClients.representation(device.tenant(), device.identity(),
                        device.protocol(), device.enabled(), secret, Instant.now())).replaceWithVoid()
                        : admin.updateClient(found.get().getString("id"), desired(found.get(), device).put("secret", secret)))
                .replaceWith(new DeviceCredentials(clientId, secret))
                .onFailure(KeycloakAdmin.ClientExists.class).transform(e -> new ProblemException(ErrorCode.CONFLICT,
                        "the device's credentials were changed at the same time; retry with a new Idempotency-Key"));
    }

    /**
     * Brings an existing client to the device's state: enabled or disabled, current attributes. A device without
     * a client needs nothing to be refused; it gets one (and a secret) by {@link #rotate}.
     */
    public Uni<Void> apply(Desired device) {
        String clientId = DeviceClients.clientId(device.identity());
        return admin.findClient(clientId).flatMap(found -> {
            if (found.isEmpty()) {
                LOG.warnf("device %s has no client %s; rotating its credentials creates one", device.identity(), clientId);
                return Uni.createFrom().voidItem();
            }
            return admin.updateClient(found.get().getString("id"), desired(found.get(), device));
        });
    }

    /** {@link #apply} for undoing a change the registry then refused; a failure is logged, not raised. */
    public Uni<Void> restore(Desired device) {
        return apply(device).onFailure().recoverWithItem(e -> {
            LOG.errorf("device client of %s could not be restored to enabled=%s after the registry refused the "
                    + "change: %s", device.identity(), device.enabled(), e);
            return null;
        });
    }

    /** Deletes the device's client if there is one; a failure is logged (the client is already disabled). */
    public Uni<Void> remove(String identity) {
        String clientId = DeviceClients.clientId(identity);
        return admin.findClient(clientId)
                .flatMap(found -> found.map(c -> admin.deleteClient(c.getString("id")))
                        .orElseGet(() -> Uni.createFrom().voidItem()))
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("disabled client %s of a deleted device could not be deleted: %s", clientId, e);
                    return null;
                });
    }

    static JsonObject desired(JsonObject current, Desired device) {
        JsonObject attributes = Optional.ofNullable(current.getJsonObject("attributes")).orElseGet(JsonObject::new);
        attributes.put(DeviceClients.TENANT_ATTRIBUTE, device.tenant())
                .put(DeviceClients.DEVICE_ATTRIBUTE, device.identity())
                .put(DeviceClients.PROTOCOL_ATTRIBUTE, device.protocol());
        JsonObject update = current.copy();
        // Mappers are managed through their own endpoint; the client update must not touch them.
        update.remove("protocolMappers");
        return update.put("enabled", device.enabled()).put("attributes", attributes);
    }
}
