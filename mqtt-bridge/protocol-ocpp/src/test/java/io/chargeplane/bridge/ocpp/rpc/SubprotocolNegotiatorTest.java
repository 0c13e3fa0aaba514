package io.chargeplane.bridge.ocpp.rpc;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.chargeplane.bridge.ocpp.rpc.OcppVersion.OCPP16;
import static io.chargeplane.bridge.ocpp.rpc.OcppVersion.OCPP201;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SubprotocolNegotiatorTest {

    private static final Set<OcppVersion> BOTH = EnumSet.allOf(OcppVersion.class);

    @Test
    void prefers201Over16WhateverTheOfferOrder() {
        assertEquals(Optional.of(OCPP201), SubprotocolNegotiator.select("ocpp1.6, ocpp2.0.1", BOTH));
        assertEquals(Optional.of(OCPP201), SubprotocolNegotiator.select("ocpp2.0.1,ocpp1.6", BOTH));
    }

    @Test
    void fallsBackTo16WhenOnly16IsEnabledOrOffered() {
        assertEquals(Optional.of(OCPP16), SubprotocolNegotiator.select("ocpp1.6, ocpp2.0.1", EnumSet.of(OCPP16)));
        assertEquals(Optional.of(OCPP16), SubprotocolNegotiator.select("ocpp1.6", BOTH));
    }

    @Test
    void readsOffersSpreadOverSeveralHeaderLines() {
        assertEquals(Optional.of(OCPP201), SubprotocolNegotiator.select(List.of("ocpp1.6", "ocpp2.0.1"), BOTH));
    }

    @Test
    void refusesWhenNothingMatches() {
        assertEquals(Optional.empty(), SubprotocolNegotiator.select("ocpp1.5, ocpp2.0", BOTH));
        assertEquals(Optional.empty(), SubprotocolNegotiator.select("ocpp2.0.1", EnumSet.of(OCPP16)));
        assertEquals(Optional.empty(), SubprotocolNegotiator.select((String) null, BOTH));
        assertEquals(Optional.empty(), SubprotocolNegotiator.select("", BOTH));
        // Subprotocol tokens are case-sensitive: the answer must repeat an offered token verbatim.
        assertEquals(Optional.empty(), SubprotocolNegotiator.select("OCPP1.6", BOTH));
    }

    @Test
    void answersWithTheExactTokens() {
        assertEquals("ocpp1.6", OCPP16.subprotocol());
        assertEquals("ocpp2.0.1", OCPP201.subprotocol());
    }
}
