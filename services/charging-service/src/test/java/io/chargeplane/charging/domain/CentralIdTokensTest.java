package io.chargeplane.charging.domain;

import io.chargeplane.model.device.IdTokenType;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CentralIdTokensTest {

    @Test
    void tokenFitsAnOcpp16IdTagAndIsStablePerSession() {
        String session = "0f8fad5b-d9cb-469f-a165-70867728950e";
        String value = CentralIdTokens.valueFor(session);
        assertEquals(20, value.length());
        assertTrue(value.matches("CP[0-9A-Z]{18}"), value);
        assertEquals(value, CentralIdTokens.valueFor(session));
        assertEquals(IdTokenType.CENTRAL, CentralIdTokens.tokenFor(session).type());
        assertTrue(CentralIdTokens.looksCentral(CentralIdTokens.tokenFor(session)));
    }

    @Test
    void sessionsThatDifferInTheLeadingBitsGetDifferentTokens() {
        assertEquals("CP0000000000000000", CentralIdTokens.valueFor("00000000-0000-0000-0000-000000000000").substring(0, 18));
        String a = CentralIdTokens.valueFor("00000000-0000-0000-0000-000000000000");
        String b = CentralIdTokens.valueFor("00000000-0000-0000-4000-000000000000");
        String c = CentralIdTokens.valueFor("80000000-0000-0000-0000-000000000000");
        assertTrue(!a.equals(b) && !a.equals(c) && !b.equals(c), a + " " + b + " " + c);
    }

    @Test
    void manyNewSessionsNeverShareAToken() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(CentralIdTokens.valueFor(CentralIdTokens.newSessionId())));
        }
    }
}
