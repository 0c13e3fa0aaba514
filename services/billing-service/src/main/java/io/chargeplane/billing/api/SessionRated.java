package io.chargeplane.billing.api;

import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;

import java.time.Instant;
import java.util.List;

/**
 * One rated session, as billing publishes it on {@value #TOPIC} (key {@code tenant:sessionId}, CloudEvents binary
 * mode, type {@value #TYPE}, source {@value #SOURCE}, {@code ce_id} = {@code eventId}). The value is this record's
 * JSON written with {@code CanonicalCodec.defaultCodec().writeJson(..)}; read it with
 * {@code readJson(bytes, SessionRated.class)}. Published once per session through an outbox; a consumer that must
 * not double count de-duplicates on {@code eventId} (a relay restart may repeat a record).
 *
 * @param eventId {@code rated:<sessionId>}
 * @param paymentStatus PAID, PARTIALLY_PAID, UNPAID, UNASSIGNED or NOT_RATED
 * @param tariffId null when no tariff applied (NOT_RATED)
 */
public record SessionRated(String eventId, String tenant, String sessionId, String receiptNumber, String driver,
                           String site, String device, Integer connector, String tariffId, Integer tariffVersion,
                           Instant startedAt, Instant endedAt, Energy energy, Money total, Money paid,
                           Money outstanding, String paymentStatus, List<RatingJson.Line> lines, Instant ratedAt) {

    public static final String TOPIC = "chargeplane.rated-sessions.v1";
    public static final String TYPE = "io.chargeplane.billing.session-rated.v1";
    public static final String SOURCE = "/chargeplane/billing-service";

    public String key() {
        return tenant + ":" + sessionId;
    }
}
