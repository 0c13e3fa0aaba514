package io.chargeplane.tools.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void readsTheIdAndAcceptanceOfACallResult() {
        Reply r = Reply.parse("[3,\"a7\",{\"currentTime\":\"2026-11-25T09:30:00Z\",\"interval\":300,\"status\":\"Accepted\"}]");
        assertTrue(r.isResult());
        assertEquals("a7", r.messageId());
        assertTrue(r.statusAccepted());
    }

    @Test
    void toleratesWhitespaceBetweenTokens() {
        Reply r = Reply.parse(" [ 3 , \"x\" , {\"status\" : \"Accepted\"} ]");
        assertEquals("x", r.messageId());
        assertTrue(r.statusAccepted());
    }

    @Test
    void aPendingOrRejectedBootIsNotAccepted() {
        assertFalse(Reply.parse("[3,\"b\",{\"status\":\"Pending\",\"interval\":10}]").statusAccepted());
        assertFalse(Reply.parse("[3,\"b\",{}]").statusAccepted());
    }

    @Test
    void readsTheCodeOfACallError() {
        Reply r = Reply.parse("[4,\"c1\",\"InternalError\",\"bus unavailable\",{}]");
        assertTrue(r.isError());
        assertEquals("InternalError", r.errorCode());
    }

    @Test
    void textThatIsNoFrameIsNoReply() {
        assertNull(Reply.parse("hello"));
        assertNull(Reply.parse("[\"3\",\"x\"]"));
        assertNull(Reply.parse("[3,17,{}]"));
    }
}
