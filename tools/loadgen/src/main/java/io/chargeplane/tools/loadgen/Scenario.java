package io.chargeplane.tools.loadgen;

import java.util.Locale;

/** What the simulated chargers do once started. */
public enum Scenario {
    /** Every charger connects and sends BootNotification at the same moment; the burst is what is timed. */
    BOOT_BURST(false),
    /** Connect and boot, then hold the connections open for {@code --hold} seconds. */
    IDLE(true),
    /** Connect and boot, then each charger sends MeterValues with exactly one CALL in flight. */
    METER_LOOP(true),
    /** Connect and boot, then every charger drops its connection and reconnects and boots at once. */
    RECONNECT_STORM(true);

    private final boolean connectsBeforeStart;

    Scenario(boolean connectsBeforeStart) {
        this.connectsBeforeStart = connectsBeforeStart;
    }

    /** Whether the chargers connect and boot in an untimed setup before the measured phase. */
    public boolean connectsBeforeStart() {
        return connectsBeforeStart;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Scenario parse(String text) {
        for (Scenario s : values()) {
            if (s.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + text + "' (boot-burst, idle, meter-loop, reconnect-storm)");
    }
}
