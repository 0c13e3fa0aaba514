package io.chargeplane.platform.error;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorCodeTest {

    @Test
    void everyCodeIsSnakeCaseUniqueAndReadsBack() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(code.code().matches("[a-z]+(_[a-z]+)*"), code.code());
            assertTrue(seen.add(code.code()), "duplicate " + code.code());
            assertEquals(code, ErrorCode.fromCode(code.code()));
            assertTrue(code.httpStatus() >= 400 && code.httpStatus() < 600, code.code());
        }
    }

    @Test
    void publishedCodesKeepTheirWireNames() {
        // Clients branch on these strings: renaming one is a breaking change.
        assertEquals("idempotency_key_reused", ErrorCode.IDEMPOTENCY_KEY_REUSED.code());
        assertEquals("tenant_forbidden", ErrorCode.TENANT_FORBIDDEN.code());
        assertEquals("device_offline", ErrorCode.DEVICE_OFFLINE.code());
        assertEquals("insufficient_funds", ErrorCode.INSUFFICIENT_FUNDS.code());
        assertEquals("https://chargeplane.io/problems/validation-failed", ErrorCode.VALIDATION_FAILED.type().toString());
    }

    @Test
    void unknownCodeIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ErrorCode.fromCode("nope"));
        assertTrue(e.getMessage().contains("nope"));
    }

    @Test
    void bareStatusesMapToTheirCatalogueEntry() {
        assertEquals(ErrorCode.NOT_FOUND, ErrorCode.forStatus(404));
        assertEquals(ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.forStatus(405));
        assertEquals(ErrorCode.INTERNAL_ERROR, ErrorCode.forStatus(502));
    }

    @Test
    void problemCarriesStatusTitleAndFieldErrors() {
        ProblemDetail problem = ProblemException.invalidField("address.city", "must not be blank").toProblem("/api/v1/sites");
        assertEquals(400, problem.status());
        assertEquals("validation_failed", problem.code());
        assertEquals("/api/v1/sites", problem.instance());
        assertEquals("address.city", problem.errors().getFirst().field());
        assertEquals("address.city: must not be blank", problem.detail());
    }
}
