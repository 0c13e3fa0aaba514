package io.chargeplane.tools.loadgen;

/**
 * A CSMS answer as far as the generator needs it: the frame type, the message id and the text. Parsed by
 * hand (the ids are the generator's own, without escapes), so a reply costs no JSON tree.
 *
 * @param type 3 = CALLRESULT, 4 = CALLERROR, 2 = a CALL from the CSMS
 */
public record Reply(int type, String messageId, String text) {

    /** The frame's type and id, or null when the text is not an OCPP-J frame. */
    public static Reply parse(String text) {
        int i = skipSpace(text, 0);
        if (i >= text.length() || text.charAt(i) != '[') {
            return null;
        }
        i = skipSpace(text, i + 1);
        if (i >= text.length() || !Character.isDigit(text.charAt(i))) {
            return null;
        }
        int type = text.charAt(i) - '0';
        i = skipSpace(text, i + 1);
        if (i >= text.length() || text.charAt(i) != ',') {
            return null;
        }
        i = skipSpace(text, i + 1);
        if (i >= text.length() || text.charAt(i) != '"') {
            return null;
        }
        int end = text.indexOf('"', i + 1);
        if (end < 0) {
            return null;
        }
        return new Reply(type, text.substring(i + 1, end), text);
    }

    public boolean isResult() {
        return type == 3;
    }

    public boolean isError() {
        return type == 4;
    }

    /** Whether the payload's {@code status} is {@code Accepted} (BootNotification answers of both versions). */
    public boolean statusAccepted() {
        int key = text.indexOf("\"status\"");
        if (key < 0) {
            return false;
        }
        int i = skipSpace(text, key + 8);
        if (i >= text.length() || text.charAt(i) != ':') {
            return false;
        }
        i = skipSpace(text, i + 1);
        return text.startsWith("\"Accepted\"", i);
    }

    /** The error code of a CALLERROR, else null. */
    public String errorCode() {
        if (!isError()) {
            return null;
        }
        int afterId = text.indexOf('"', text.indexOf(messageId) + messageId.length());
        int start = text.indexOf('"', afterId + 1);
        int end = start < 0 ? -1 : text.indexOf('"', start + 1);
        return end < 0 ? "unknown" : text.substring(start + 1, end);
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
