package io.chargeplane.model.device;

import io.chargeplane.model.Require;

/**
 * Who or what asked to charge or pass. Value and type travel together because the same string means
 * different things as an RFID UID and as a plate. Only {@link IdTokenType#NO_AUTHORIZATION} may have an
 * empty value (OCPP 2.0.1 sends "" for it).
 */
public record IdToken(String value, IdTokenType type) {

    /** Longest accepted value: OCPP 2.0.1's 36 plus room for vendor prefixes. */
    public static final int MAX_LENGTH = 64;

    public IdToken {
        Require.present(type, "type");
        Require.present(value, "value");
        if (type != IdTokenType.NO_AUTHORIZATION) {
            Require.text(value, "value", MAX_LENGTH);
        }
        Require.maxLength(value, "value", MAX_LENGTH);
    }

    public static IdToken rfid(String uid) {
        return new IdToken(uid, IdTokenType.RFID);
    }

    public static IdToken of(String value, IdTokenType type) {
        return new IdToken(value, type);
    }
}
