package io.chargeplane.tools.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The station side of {@link StationControl} without a network: real connectors, and a log of what the CSMS's
 * calls made the station do, so a test can read the effect of an answer.
 */
final class UnconnectedStation implements StationControl {

    final Connector[] connectors;
    final List<String> effects = new ArrayList<>();
    private Duration heartbeat = Duration.ofSeconds(300);
    private Duration meter = Duration.ofSeconds(10);

    UnconnectedStation(int connectorCount) {
        connectors = new Connector[connectorCount];
        for (int i = 0; i < connectorCount; i++) {
            connectors[i] = new Connector(i + 1, 11_000, 0);
        }
    }

    @Override
    public int connectorCount() {
        return connectors.length;
    }

    @Override
    public Connector connector(int id) {
        return id >= 1 && id <= connectors.length ? connectors[id - 1] : null;
    }

    @Override
    public Connector connectorOfTransaction(String transactionId) {
        for (Connector c : connectors) {
            if (c.session() != null && transactionId.equals(c.session().transactionId())) {
                return c;
            }
        }
        return null;
    }

    @Override
    public void remoteStart(Connector connector, String idTag, String tokenType, Integer remoteStartId) {
        effects.add("start " + connector.id() + " " + idTag + " " + tokenType + " " + remoteStartId);
    }

    @Override
    public void remoteStop(Connector connector) {
        effects.add("stop " + connector.id());
    }

    @Override
    public void reset(boolean hard) {
        effects.add(hard ? "reset hard" : "reset soft");
    }

    @Override
    public void unlock(Connector connector) {
        effects.add("unlock " + connector.id());
    }

    @Override
    public boolean changeAvailability(int connectorOrZero, boolean operative) {
        boolean applied = true;
        for (Connector c : connectorOrZero == 0 ? List.of(connectors) : List.of(connector(connectorOrZero))) {
            applied &= c.changeAvailability(operative);
        }
        effects.add("availability " + connectorOrZero + " " + (operative ? "operative" : "inoperative"));
        return applied;
    }

    @Override
    public boolean trigger(String message, Integer connectorOrNull) {
        effects.add("trigger " + message + " " + connectorOrNull);
        return true;
    }

    @Override
    public void capPower(int connectorOrZero, Double watts) {
        effects.add("cap " + connectorOrZero + " " + watts);
    }

    @Override
    public Duration heartbeatInterval() {
        return heartbeat;
    }

    @Override
    public void heartbeatInterval(Duration interval) {
        heartbeat = interval;
    }

    @Override
    public Duration meterInterval() {
        return meter;
    }

    @Override
    public void meterInterval(Duration interval) {
        meter = interval;
    }
}
