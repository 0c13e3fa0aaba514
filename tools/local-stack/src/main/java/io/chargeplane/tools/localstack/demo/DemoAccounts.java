package io.chargeplane.tools.localstack.demo;

import io.chargeplane.tools.localstack.demo.DemoApi.Answer;
import io.chargeplane.tools.localstack.demo.DemoApi.Caller;
import io.chargeplane.tools.localstack.demo.DemoPlan.Tenant;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes a session billable, per demo tenant and through the public APIs: a time-of-use tariff for the whole
 * tenant (billing-service), the drivers' RFID cards (charging-service) and a funded wallet for each driver
 * (an operator adjustment in billing-service). Every call is idempotent: a 409 means it exists already, and the
 * adjustment's reference makes billing post it once per wallet however often the demo starts.
 */
public final class DemoAccounts {

    static final String TARIFF_ID = "demo-tou";
    static final String FUNDING_REFERENCE = "demo-funding-1";
    /** 2,000.00 CNY: thousands of the demo's short sessions, and far above the 50 CNY a session holds. */
    static final long FUNDING_MINOR = 200_000;

    private final DemoApi api;
    private final PrintStream out;

    public DemoAccounts(DemoApi api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    public void prepare(DemoPlan plan) {
        for (Tenant tenant : plan.tenants()) {
            String driver = api.subject(tenant.driver());
            ensureTariff(tenant);
            ensureCards(tenant, driver, plan.rfidTags());
            fundWallet(tenant, driver);
            out.printf("  demo: tenant %s, tariff %s (time of use, CNY), %d RFID cards and a funded wallet for %s%n",
                    tenant.id(), TARIFF_ID, plan.rfidTags().size(), tenant.driver());
        }
    }

    private void ensureTariff(Tenant tenant) {
        Caller admin = api.as(tenant.admin(), api.urls().billingService());
        Answer answer = admin.post("/api/v1/tariffs", tariff(), "demo-tariff-" + tenant.id());
        if (!answer.ok() && answer.status() != 409) {
            throw new DemoException("tariff of " + tenant.id() + ": " + answer);
        }
    }

    private void ensureCards(Tenant tenant, String driver, List<String> tags) {
        Caller admin = api.as(tenant.admin(), api.urls().chargingService());
        for (String tag : tags) {
            Map<String, Object> token = Map.of("uid", tag, "type", "RFID", "owner", driver);
            Answer answer = admin.post("/api/v1/tokens", token, "demo-token-" + tenant.id() + "-" + tag + "-" + driver);
            if (answer.status() == 409) {
                answer = keepOwner(admin, tag, driver);
            }
            if (!answer.ok()) {
                throw new DemoException("RFID card " + tag + " of " + tenant.id() + ": " + answer);
            }
        }
    }

    /** The card exists; a realm imported anew gives the driver a new subject, so the card follows the driver. */
    private static Answer keepOwner(Caller admin, String tag, String driver) {
        Answer card = admin.get("/api/v1/tokens/" + DemoApi.enc(tag));
        if (!card.ok() || driver.equals(card.body().path("owner").asText())) {
            return card;
        }
        Map<String, Object> update = Map.of("type", "RFID", "owner", driver, "blocked", false);
        return admin.put("/api/v1/tokens/" + DemoApi.enc(tag), update, "demo-token-owner-" + tag + "-" + driver);
    }

    private void fundWallet(Tenant tenant, String driver) {
        Caller admin = api.as(tenant.admin(), api.urls().billingService());
        Map<String, Object> adjustment = Map.of("reference", FUNDING_REFERENCE,
                "amount", Map.of("minorUnits", FUNDING_MINOR, "currency", "CNY"), "reason", "demo wallet");
        Answer answer = admin.post("/api/v1/wallets/" + driver + "/adjustments", adjustment,
                "demo-funding-" + tenant.id() + "-" + driver);
        if (!answer.ok() && answer.status() != 409) {
            throw new DemoException("wallet of " + tenant.driver() + ": " + answer);
        }
    }

    /** Tenant-wide, so card sessions (which name no site) are rated too. */
    static Map<String, Object> tariff() {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("validFrom", "2026-01-01T00:00:00Z");
        version.put("zone", "Asia/Shanghai");
        version.put("currency", "CNY");
        version.put("rounding", "HALF_UP");
        version.put("rates", List.of(
                rate("sharp", "1.2500", "0.80"),
                rate("peak", "1.0500", "0.70"),
                rate("flat", "0.6800", "0.55"),
                rate("valley", "0.3100", "0.40")));
        version.put("slotMaps", Map.of("WORKDAY", workday(), "WEEKEND", weekend()));
        version.put("sessionFee", Map.of("minorUnits", 0, "currency", "CNY"));
        return Map.of("id", TARIFF_ID, "name", "Demo time of use", "versions", List.of(version));
    }

    private static Map<String, Object> rate(String code, String electricity, String service) {
        return Map.of("code", code, "electricityPerKwh", electricity, "servicePerKwh", service);
    }

    /** 48 half hours, local time: valley at night, peaks mid-morning and afternoon, sharp in the evening peak. */
    static List<String> workday() {
        List<String> slots = new ArrayList<>(Collections.nCopies(48, "valley"));
        fill(slots, 8, 10, "flat");
        fill(slots, 10, 12, "peak");
        fill(slots, 12, 14, "flat");
        fill(slots, 14, 19, "peak");
        fill(slots, 19, 21, "sharp");
        fill(slots, 21, 22, "peak");
        fill(slots, 22, 23, "flat");
        return slots;
    }

    static List<String> weekend() {
        List<String> slots = new ArrayList<>(Collections.nCopies(48, "valley"));
        fill(slots, 8, 23, "flat");
        return slots;
    }

    private static void fill(List<String> slots, int fromHour, int toHour, String rate) {
        for (int slot = fromHour * 2; slot < toHour * 2; slot++) {
            slots.set(slot, rate);
        }
    }
}
