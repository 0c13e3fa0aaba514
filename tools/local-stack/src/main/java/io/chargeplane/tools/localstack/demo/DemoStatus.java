package io.chargeplane.tools.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.tools.localstack.demo.DemoApi.Answer;
import io.chargeplane.tools.localstack.demo.DemoApi.Caller;
import io.chargeplane.tools.localstack.demo.DemoPlan.Tenant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The demo as the platform's APIs report it (never the simulator's own counters): chargers online from
 * device-service, sessions active and completed from charging-service, and the latest receipt from
 * billing-service, each read as the tenant's operator-admin and only for the demo's own chargers.
 */
public final class DemoStatus {

    /** One reading of the demo; {@code latestReceipt} is null until a session was billed. */
    public record Snapshot(int chargers, int online, long active, long completed, long billed, Receipt latestReceipt) {

        /** The one line {@code up --demo} prints while it runs. */
        public String line() {
            return String.format(Locale.ROOT, "demo: chargers online %d/%d | sessions active %d, completed %d | billed %d%s",
                    online, chargers, active, completed, billed,
                    latestReceipt == null ? "" : " | latest receipt " + latestReceipt.label());
        }

        /** Rows of the table's demo section: what and how many. */
        public List<String[]> rows() {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"DEMO", "NOW"});
            rows.add(new String[]{"chargers online", online + " of " + chargers + " (device-service)"});
            rows.add(new String[]{"sessions", active + " active, " + completed + " completed (charging-service)"});
            rows.add(new String[]{"latest receipt", latestReceipt == null ? "none yet (billing-service)"
                    : latestReceipt.label() + " (billing-service, " + billed + " billed)"});
            return rows;
        }
    }

    /** A rated session's receipt: number, tenant, session, total and how it was paid. */
    public record Receipt(String number, String tenant, String sessionId, long totalMinor, String currency,
                          String paymentStatus, long energyMwh) {

        public String label() {
            return String.format(Locale.ROOT, "%s %s %s (%s kWh, %s, %s)", number,
                    BigDecimal.valueOf(totalMinor, 2).toPlainString(), currency,
                    BigDecimal.valueOf(energyMwh, 6).stripTrailingZeros().toPlainString(), paymentStatus, tenant);
        }
    }

    /** Counting stops at 2,000 sessions per state and tenant: hours of the demo, and a bounded cost per reading. */
    private static final int MAX_PAGES = 20;

    private final DemoApi api;
    private final DemoPlan plan;
    private final Map<String, String> deviceIds;

    public DemoStatus(DemoApi api, DemoPlan plan, Map<String, String> deviceIds) {
        this.api = api;
        this.plan = plan;
        this.deviceIds = deviceIds;
    }

    public Snapshot read() {
        int online = 0;
        long active = 0;
        long completed = 0;
        long billed = 0;
        Receipt latest = null;
        String latestEnd = "";
        for (Tenant tenant : plan.tenants()) {
            Caller devices = api.as(tenant.admin(), api.urls().deviceService());
            Caller billing = api.as(tenant.admin(), api.urls().billingService());
            for (var charger : tenant.chargers()) {
                String id = deviceIds.get(charger.identity());
                if (id != null && devices.get("/api/v1/devices/" + id + "/status").body().path("online").asBoolean()) {
                    online++;
                }
                // Newest first; the demo's own chargers only, as the tenant may have others.
                Answer rated = billing.get("/api/v1/rated-sessions?size=1&device=" + DemoApi.enc(charger.identity()));
                billed += total(rated);
                JsonNode receipt = rated.body().path("items").path(0);
                String end = receipt.path("endedAt").asText("");
                if (!receipt.isMissingNode() && end.compareTo(latestEnd) > 0) {
                    latestEnd = end;
                    latest = new Receipt(receipt.path("receiptNumber").asText(), tenant.id(),
                            receipt.path("sessionId").asText(), receipt.path("total").path("minorUnits").asLong(),
                            receipt.path("total").path("currency").asText(), receipt.path("paymentStatus").asText(),
                            receipt.path("energy").asLong());
                }
            }
            Caller sessions = api.as(tenant.admin(), api.urls().chargingService());
            active += count(sessions, "ACTIVE", deviceIds.keySet());
            completed += count(sessions, "COMPLETED", deviceIds.keySet());
        }
        return new Snapshot(deviceIds.size(), online, active, completed, billed, latest);
    }

    /**
     * The demo chargers' sessions in a state. charging-service pages without a total (it says whether there is
     * more), so the pages are counted; sessions of the tenant's other chargers are not the demo's.
     */
    private static long count(Caller sessions, String state, Set<String> stations) {
        long count = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            Answer answer = sessions.get("/api/v1/sessions?size=100&state=" + state + "&page=" + page);
            if (!answer.ok()) {
                break;
            }
            for (JsonNode session : answer.body().path("items")) {
                if (stations.contains(session.path("station").asText())) {
                    count++;
                }
            }
            if (!answer.body().path("more").asBoolean()) {
                break;
            }
        }
        return count;
    }

    private static long total(Answer answer) {
        return answer.ok() ? answer.body().path("total").asLong() : 0;
    }
}
