package io.chargeplane.tools.localstack.demo;

import io.chargeplane.tools.loadgen.OcppDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the demo sets up: two tenants (acme, volt) with one site each, chargers alternating OCPP 1.6J and 2.0.1
 * with two connectors, the drivers' RFID cards, and how long sessions last. Fixed names, so a second
 * {@code up --demo} on kept data finds everything it made the first time.
 */
public record DemoPlan(List<Tenant> tenants, List<String> rfidTags, int connectors) {

    /** A tenant of the demo with its admin and driver logins and its chargers' identities. */
    public record Tenant(String id, String name, String admin, String driver, String siteName, List<Charger> chargers) {
    }

    /** One charger: the OCPP station id (registry identity) and its protocol version. */
    public record Charger(String tenant, String identity, OcppDialect dialect) {

        /** The protocol's wire name in device-service. */
        public String protocol() {
            return dialect == OcppDialect.OCPP16 ? "ocpp1.6" : "ocpp2.0.1";
        }
    }

    /** Ten chargers: six of acme (its app sessions need a few free connectors) and four of volt. */
    public static DemoPlan standard() {
        return new DemoPlan(List.of(tenant("acme", "ACME Charging", 6), tenant("volt", "Volt Energy", 4)),
                List.of("DEMO-RFID-0001", "DEMO-RFID-0002", "DEMO-RFID-0003"), 2);
    }

    private static Tenant tenant(String id, String name, int chargers) {
        List<Charger> list = new ArrayList<>();
        for (int i = 1; i <= chargers; i++) {
            // Odd numbers speak 1.6J, even 2.0.1, as the simulator's "mixed" fleet does.
            OcppDialect dialect = i % 2 == 1 ? OcppDialect.OCPP16 : OcppDialect.OCPP201;
            list.add(new Charger(id, String.format(Locale.ROOT, "DEMO-%s-%02d", id.toUpperCase(Locale.ROOT), i), dialect));
        }
        return new Tenant(id, name, id + "-admin", id + "-driver", "Demo site " + name, List.copyOf(list));
    }

    public List<Charger> chargers() {
        return tenants.stream().flatMap(t -> t.chargers().stream()).toList();
    }

    public Tenant tenant(String id) {
        return tenants.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo tenant " + id));
    }
}
