package io.chargeplane.charging.domain;

import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.device.IdTokenType;

import java.util.Locale;
import java.util.UUID;

/**
 * The identification a session started from the app owns: type CENTRAL, value derived from the session id, at most
 * 20 characters so that it also fits OCPP 1.6's idTag. The charger echoes it in its transaction start, which is how
 * that start is matched to the session.
 */
public final class CentralIdTokens {

    /** OCPP 1.6 CiString20Type. */
    public static final int MAX_LENGTH = 20;
    private static final String PREFIX = "CP";
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private CentralIdTokens() {
    }

    /** A new session id: a random UUID, whose 90 leading bits the token carries. */
    public static String newSessionId() {
        return UUID.randomUUID().toString();
    }

    /** {@code CP} and 18 Crockford base-32 digits of the session id's leading 90 bits. */
    public static String valueFor(String sessionId) {
        UUID uuid = UUID.fromString(sessionId);
        long high = uuid.getMostSignificantBits();
        long low = uuid.getLeastSignificantBits();
        StringBuilder value = new StringBuilder(PREFIX);
        for (int i = 0; i < MAX_LENGTH - PREFIX.length(); i++) {
            int bit = i * 5;
            int digit = bit + 5 <= 64 ? (int) (high >>> (59 - bit)) & 31
                    : bit >= 64 ? (int) (low >>> (59 - (bit - 64))) & 31
                    : (int) (((high << (bit - 59)) | (low >>> (128 - bit - 5))) & 31);
            value.append(ALPHABET[digit]);
        }
        return value.toString();
    }

    public static IdToken tokenFor(String sessionId) {
        return IdToken.of(valueFor(sessionId), IdTokenType.CENTRAL);
    }

    /** Whether a token may be one of ours (cheap pre-check before a lookup). */
    public static boolean looksCentral(IdToken token) {
        return token != null && token.value().length() == MAX_LENGTH
                && token.value().toUpperCase(Locale.ROOT).startsWith(PREFIX);
    }
}
