package io.chargeplane.billing.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The tariff fixture {@code tariffs/two-rate.json} (Asia/Shanghai, workdays valley 0.30 + 0.20 before 08:00 and
 * from 23:00, peak 1.00 + 0.60 from 08:00; +0.05 electricity from 200 kWh in the month; session fee 1.00 CNY;
 * valid from 2026-01-01), given its own id and site for a test.
 */
final class Tariffs {

    private Tariffs() {
    }

    static String twoRate(String id, String site) {
        try (InputStream in = Tariffs.class.getResourceAsStream("/tariffs/two-rate.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"hq-standard\"", "\"" + id + "\"")
                    .replace("{\"site\": \"hq\"}", "{\"site\": \"" + site + "\"}");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
