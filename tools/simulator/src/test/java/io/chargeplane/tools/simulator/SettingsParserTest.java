package io.chargeplane.tools.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.tools.loadgen.OcppDialect;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsParserTest {

    @TempDir
    Path dir;

    @Test
    void aGeneratedMixedFleetAlternatesVersions() throws IOException {
        FleetSettings s = SettingsParser.parse(List.of("--chargers", "4", "--ocpp", "mixed", "--connectors", "3",
                "--prefix", "DEMO-", "--password", "demo-password-0001"));
        assertEquals(List.of("DEMO-0001", "DEMO-0002", "DEMO-0003", "DEMO-0004"),
                s.stations().stream().map(StationSpec::id).toList());
        assertEquals(OcppDialect.OCPP16, s.stations().get(0).version());
        assertEquals(OcppDialect.OCPP201, s.stations().get(1).version());
        assertEquals(3, s.stations().get(3).connectors());
    }

    @Test
    void aFleetWideArrivalRateIsSharedAmongTheChargers() throws IOException {
        FleetSettings s = SettingsParser.parse(List.of("--chargers", "10", "--arrivals-per-hour", "30",
                "--arrival-scope", "fleet"));
        assertEquals(3.0, s.arrivalsPerHour(), 1e-9);
    }

    @Test
    void flagsOverrideTheConfigFile() throws IOException {
        Path config = dir.resolve("sim.properties");
        Files.writeString(config, """
                url=ws://10.0.0.5:8180/ocpp/
                chargers=3
                ocpp=2.0.1
                meter-interval=30s
                seed=99
                tags=CARD-1, CARD-2
                session-length=exp:20m
                reboots-per-hour=0.5
                """);
        FleetSettings s = SettingsParser.parse(List.of("--config", config.toString(), "--meter-interval", "5s"));
        assertEquals(URI.create("ws://10.0.0.5:8180/ocpp"), s.bridgeUrl());
        assertEquals(3, s.stations().size());
        assertEquals(OcppDialect.OCPP201, s.stations().get(2).version());
        assertEquals(Duration.ofSeconds(5), s.meterInterval());
        assertEquals(99, s.seed());
        assertEquals(List.of("CARD-1", "CARD-2"), s.rfidTags());
        assertEquals(new SessionLength.Exponential(Duration.ofMinutes(20)), s.sessionLength());
        assertEquals(0.5, s.rebootsPerHour());
    }

    @Test
    void aStationsFileNamesEachStationWithItsVersionAndConnectors() throws IOException {
        Path file = dir.resolve("stations.csv");
        Files.writeString(file, """
                # id, password, version, connectors
                CP-A,password-a-0000001,1.6,2
                CP-B,password-b-0000001,ocpp2.0.1   # one connector by default
                """);
        FleetSettings s = SettingsParser.parse(List.of("--stations", file.toString()));
        assertEquals(List.of(new StationSpec("CP-A", "password-a-0000001", OcppDialect.OCPP16, 2),
                new StationSpec("CP-B", "password-b-0000001", OcppDialect.OCPP201, 1)), s.stations());
    }

    @Test
    void mistakesAreNamed() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "CP-A,pw,1.6\nCP-A,pw,2.0.1\n");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> SettingsParser.parse(List.of("--stations", file.toString())));
        assertTrue(twice.getMessage().contains(":2: station CP-A listed twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SettingsParser.parse(List.of("--chargerz", "3")));
        assertThrows(IllegalArgumentException.class, () -> SettingsParser.parse(List.of("--meter-interval", "soon")));
        assertThrows(IllegalArgumentException.class, () -> SettingsParser.parse(List.of("--ocpp", "1.5")));
        assertThrows(IllegalArgumentException.class, () -> SettingsParser.parse(List.of("--tags", "")));
    }

    @Test
    void clockStartRunsTheChargersClockFromTheGivenInstantInRealTime() throws IOException {
        Instant before = Instant.now();
        FleetSettings s = SettingsParser.parse(List.of("--clock-start", "2026-11-25T09:55:00+01:00"));
        Instant read = s.clock().instant();
        Duration sinceParse = Duration.between(before, Instant.now());
        Instant start = Instant.parse("2026-11-25T08:55:00Z");
        assertFalse(read.isBefore(start), read.toString());
        assertTrue(!read.isAfter(start.plus(sinceParse)), read + " is more than " + sinceParse + " after the start");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> SettingsParser.parse(List.of("--clock-start", "09:55")));
        assertTrue(wrong.getMessage().startsWith("--clock-start:"), wrong.getMessage());
    }

    @Test
    void withoutClockStartTheChargersUseTheRealTime() throws IOException {
        FleetSettings s = SettingsParser.parse(List.of("--chargers", "1"));
        assertTrue(Duration.between(s.clock().instant(), Instant.now()).abs().toSeconds() < 5);
    }
}
