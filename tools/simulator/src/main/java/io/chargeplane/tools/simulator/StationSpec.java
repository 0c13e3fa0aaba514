package io.chargeplane.tools.simulator;

import io.chargeplane.tools.loadgen.OcppDialect;

/**
 * One simulated charger as the CSMS knows it.
 *
 * @param id the station identity (last path segment of the OCPP URL, Basic auth user)
 * @param password the Basic auth password (security profile 1); null or empty: no Authorization header
 * @param version the OCPP version it speaks
 * @param connectors number of connectors (1.6 connectors 1..n; 2.0.1 EVSEs 1..n with one connector each)
 */
public record StationSpec(String id, String password, OcppDialect version, int connectors) {

    public StationSpec {
        if (id == null || id.isBlank() || id.length() > 48) {
            throw new IllegalArgumentException("station id must be 1..48 characters: '" + id + "'");
        }
        if (version == null) {
            throw new IllegalArgumentException("station " + id + ": OCPP version missing");
        }
        if (connectors < 1 || connectors > 32) {
            throw new IllegalArgumentException("station " + id + ": connectors must be 1..32, was " + connectors);
        }
    }
}
