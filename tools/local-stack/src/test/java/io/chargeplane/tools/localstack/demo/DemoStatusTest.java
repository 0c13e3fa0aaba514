package io.chargeplane.tools.localstack.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chargeplane.tools.localstack.demo.DemoStatus.Receipt;
import io.chargeplane.tools.localstack.demo.DemoStatus.Snapshot;
import org.junit.jupiter.api.Test;

class DemoStatusTest {

    @Test
    void lineShowsChargersSessionsAndTheLatestReceiptInMajorUnitsAndKwh() {
        Snapshot snapshot = new Snapshot(10, 9, 2, 5, 4,
                new Receipt("R20261125-52227DA24F", "acme", "s-1", 18, "CNY", "PAID", 77_000));
        assertEquals("demo: chargers online 9/10 | sessions active 2, completed 5 | billed 4 | latest receipt "
                + "R20261125-52227DA24F 0.18 CNY (0.077 kWh, PAID, acme)", snapshot.line());
    }

    @Test
    void beforeTheFirstReceiptTheTableSaysNoneYet() {
        Snapshot snapshot = new Snapshot(10, 0, 0, 0, 0, null);
        assertEquals("demo: chargers online 0/10 | sessions active 0, completed 0 | billed 0", snapshot.line());
        assertEquals("none yet (billing-service)", snapshot.rows().get(3)[1]);
    }
}
