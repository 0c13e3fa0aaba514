package io.chargeplane.bridge.ocpp.server;

import io.chargeplane.bridge.ocpp.OcppMessageLayer;
import io.chargeplane.bridge.ocpp.catalog.ActionCatalog;
import io.chargeplane.bridge.ocpp.catalog.Direction;
import io.chargeplane.bridge.ocpp.rpc.OcppJsonCodec;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.bridge.ocpp.schema.PayloadValidator;
import io.chargeplane.bridge.ocpp.translate.OcppTranslator;
import io.chargeplane.model.device.Protocol;

/**
 * Everything a connection of one OCPP version shares with the others of that version: codec, validator,
 * translator. Built once per adapter, so a connection holds one reference instead of several.
 */
record VersionStack(OcppVersion version, Protocol protocol, OcppMessageLayer layer, OcppTranslator translator) {

    static VersionStack of(OcppVersion version, ActionCatalog catalog, PayloadValidator validator, int maxFrameChars,
                           OcppTranslator translator) {
        OcppJsonCodec codec = new OcppJsonCodec(version, catalog, Direction.STATION_TO_CSMS, maxFrameChars);
        return new VersionStack(version, Protocol.fromWireName(version.subprotocol()),
                new OcppMessageLayer(codec, validator), translator);
    }
}
