package io.chargeplane.device.domain;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagingAndSearchTest {

    @Test
    void pageDefaultsToFirstPageOfDefaultSize() {
        assertEquals(new PageRequest(0, 20), PageRequest.of(null, null, 20, 100));
        assertEquals(new PageRequest(0, 50), PageRequest.of(null, null, 500, 50));
        assertEquals(60, PageRequest.of(3, 20, 20, 100).offset());
    }

    @Test
    void pageSizeAboveTheMaximumOrNegativePageIsRefusedNamingTheParameter() {
        assertEquals("size", assertThrows(InvalidRequestException.class,
                () -> PageRequest.of(0, 101, 20, 100)).violations().getFirst().field());
        assertEquals("size", assertThrows(InvalidRequestException.class,
                () -> PageRequest.of(0, 0, 20, 100)).violations().getFirst().field());
        assertEquals("page", assertThrows(InvalidRequestException.class,
                () -> PageRequest.of(-1, 10, 20, 100)).violations().getFirst().field());
        assertEquals("page", assertThrows(InvalidRequestException.class,
                () -> PageRequest.of(Integer.MAX_VALUE, 100, 20, 100)).violations().getFirst().field());
    }

    @Test
    void searchTextMatchesLiterallyAndIgnoresCase() {
        assertEquals("%cp-01%", TextSearch.containsPattern("  CP-01 "));
        assertEquals("%50!%!_off!!%", TextSearch.containsPattern("50%_off!"));
        assertNull(TextSearch.containsPattern(" "));
        assertThrows(InvalidRequestException.class, () -> TextSearch.containsPattern("x".repeat(101)));
    }

    @Test
    void ifMatchAcceptsStrongWeakAndBareVersions() {
        assertEquals(OptionalLong.of(3), Versions.expected("\"3\""));
        assertEquals(OptionalLong.of(3), Versions.expected("W/\"3\""));
        assertEquals(OptionalLong.of(7), Versions.expected("7"));
        assertEquals(OptionalLong.empty(), Versions.expected(null));
        assertEquals(OptionalLong.empty(), Versions.expected("*"));
        assertEquals("If-Match", assertThrows(InvalidRequestException.class,
                () -> Versions.expected("\"abc\"")).violations().getFirst().field());
        assertEquals("\"4\"", Versions.etag(4));
    }

    @Test
    void onlyTheExpectedVersionSatisfiesIfMatch() {
        assertTrue(Versions.satisfies(OptionalLong.of(2), 2));
        assertFalse(Versions.satisfies(OptionalLong.of(1), 2));
        assertTrue(Versions.satisfies(OptionalLong.empty(), 9));
    }
}
