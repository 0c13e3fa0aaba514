package io.chargeplane.billing.persistence;

import java.util.UUID;

/** A posting as stored under its business key; {@code replayed} when the key had been posted before. */
public record PostResult(UUID postingId, String businessKey, boolean replayed) {
}
