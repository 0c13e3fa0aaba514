package io.chargeplane.tools.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** What the CSMS's calls may do to one simulated charger: the charger's side of {@link StationControl}. */
final class ChargerControl implements StationControl {

    private final SimulatedCharger charger;
    private final Connector[] connectors;
    private final SessionRunner sessions;
    private final StationProtocol protocol;

    ChargerControl(SimulatedCharger charger, Connector[] connectors, SessionRunner sessions, StationProtocol protocol) {
        this.charger = charger;
        this.connectors = connectors;
        this.sessions = sessions;
        this.protocol = protocol;
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
            if (c.session() != null && transactionId.equals(c.session().transactionId())
                    && c.state() == ConnectorState.CHARGING) {
                return c;
            }
        }
        return null;
    }

    @Override
    public void remoteStart(Connector connector, String idTag, String tokenType, Integer remoteStartId) {
        if (connector.state() == ConnectorState.AVAILABLE && charger.online()) {
            sessions.remote(connector, idTag, tokenType, remoteStartId);
        }
    }

    @Override
    public void remoteStop(Connector connector) {
        sessions.end(connector, StopCause.REMOTE, false);
    }

    @Override
    public void reset(boolean hard) {
        charger.reboot(hard ? StopCause.HARD_RESET : StopCause.SOFT_RESET);
    }

    @Override
    public void unlock(Connector connector) {
        if (!sessions.end(connector, StopCause.UNLOCK, true)) {
            sessions.unplug(connector);
        }
    }

    @Override
    public boolean changeAvailability(int connectorOrZero, boolean operative) {
        boolean applied = true;
        for (Connector c : targets(connectorOrZero)) {
            applied &= c.changeAvailability(operative);
            charger.reportStatus(c);
        }
        return applied;
    }

    @Override
    public boolean trigger(String message, Integer connectorOrNull) {
        List<Connector> targets = targets(connectorOrNull == null ? 0 : connectorOrNull);
        switch (message) {
            case "BootNotification" -> charger.boot();
            case "Heartbeat" -> charger.send(new OutCall("Heartbeat", Frames.object()));
            case "StatusNotification" -> targets.forEach(c -> {
                c.lastReported(null);
                charger.reportStatus(c);
            });
            case "MeterValues" -> targets.forEach(c -> charger.send(protocol.meterValues(c, sessions.now())));
            case "TransactionEvent" -> targets.stream().filter(c -> c.state() == ConnectorState.CHARGING)
                    .forEach(c -> charger.send(protocol.transactionUpdated(c, c.session(), sessions.now())));
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public void capPower(int connectorOrZero, Double watts) {
        Instant now = sessions.now();
        for (Connector c : targets(connectorOrZero)) {
            c.advance(now);
            c.cap(watts);
        }
    }

    private List<Connector> targets(int connectorOrZero) {
        return connectorOrZero == 0 ? Arrays.asList(connectors) : List.of(connector(connectorOrZero));
    }

    @Override
    public Duration meterInterval() {
        return sessions.meterInterval();
    }

    @Override
    public void meterInterval(Duration interval) {
        sessions.meterInterval(interval, Arrays.asList(connectors));
    }

    @Override
    public Duration heartbeatInterval() {
        return charger.heartbeatInterval();
    }

    @Override
    public void heartbeatInterval(Duration interval) {
        charger.heartbeatInterval(interval);
    }
}
