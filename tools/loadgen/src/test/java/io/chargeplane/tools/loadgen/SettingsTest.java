package io.chargeplane.tools.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void sharesCoverEveryStationOnceAndSplitTheRate() {
        Settings s = Settings.parse(List.of("--chargers", "10001", "--processes", "3", "--first-station", "5",
                "--rate", "1500"));
        int next = 5;
        int chargers = 0;
        int rate = 0;
        for (int i = 0; i < 3; i++) {
            Settings share = s.share(i);
            assertEquals(next, share.firstStation(), "share " + i + " starts where the previous ended");
            next += share.chargers();
            chargers += share.chargers();
            rate += share.rate();
        }
        assertEquals(10001, chargers);
        assertEquals(1500, rate, 1);
    }

    @Test
    void aShareRoundTripsThroughTheChildCommandLine() {
        Settings share = Settings.parse(List.of("--scenario", "meter-loop", "--version", "2.0.1", "--chargers", "8",
                "--processes", "2", "--warmup", "2.5", "--port", "18180")).share(1);
        assertEquals(share, Settings.parse(share.toArgs()));
    }

    @Test
    void refusesMoreChargersPerProcessThanTheFileLimitAllows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(List.of("--chargers", "19000", "--processes", "1")));
        assertEquals(true, e.getMessage().contains("--processes 2"), e.getMessage());
    }

    @Test
    void refusesUnknownOptions() {
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(List.of("--charger", "10")));
    }

    @Test
    void stationIdsArePrefixedAndZeroPadded() {
        assertEquals("LG-000042", Settings.defaults().stationId(42));
    }
}
