package io.chargeplane.bridge.ocpp.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.bridge.ocpp.catalog.ActionCatalog;
import io.chargeplane.bridge.ocpp.catalog.ActionSpec;
import io.chargeplane.bridge.ocpp.catalog.Direction;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Parses OCPP-J text frames into {@link RpcFrame}s or precise {@link RpcError}s, and serializes frames.
 *
 * <p>One instance per (version, local side); immutable and thread-safe, so adapters share it across
 * connections. Parsing walks the frame with Jackson's streaming parser: the header (type, id, action) is read
 * token by token and only the payload becomes a tree. That keeps a valid CALL to one parser plus the payload
 * tree, and it is what lets a broken frame still be answered with its own message id: whatever was read
 * before the break is known.
 *
 * <p>Error choices (the specification leaves some of them open):
 * <ul>
 *   <li>Text that is not JSON, not an array, or whose id cannot be read: {@link RpcErrorKind#RPC_FRAMEWORK_ERROR}
 *       with id {@value RpcError#UNKNOWN_MESSAGE_ID} (2.0.1 {@code RpcFrameworkError}, 1.6
 *       {@code FormationViolation}).</li>
 *   <li>Malformed JSON after the id was read, a payload that is not an object, nesting beyond the limit:
 *       {@link RpcErrorKind#FORMAT_VIOLATION} with the frame's id.</li>
 *   <li>Wrong number of elements, non-string id/action, id over 36 characters:
 *       {@link RpcErrorKind#RPC_FRAMEWORK_ERROR}, echoing the id when it was a string or an integer.</li>
 *   <li>A type number other than 2, 3, 4: {@link RpcErrorKind#MESSAGE_TYPE_NOT_SUPPORTED}.</li>
 *   <li>A CALL of an action the version does not have (or this layer does not support):
 *       {@link RpcErrorKind#NOT_IMPLEMENTED}; an action that exists but that the peer may not send:
 *       {@link RpcErrorKind#NOT_SUPPORTED}.</li>
 * </ul>
 * A broken CALLRESULT or CALLERROR is reported with {@link RpcError#replyExpected()} false.
 */
public final class OcppJsonCodec {

    /** OCPP-J: "a message ID of maximum 36 characters". */
    public static final int MAX_MESSAGE_ID_LENGTH = 36;

    private final OcppVersion version;
    private final ActionCatalog catalog;
    private final Direction inboundCalls;
    private final int maxFrameChars;
    private final ObjectMapper mapper;

    /**
     * @param version       the negotiated version
     * @param catalog       the supported actions
     * @param inboundCalls  the direction of CALLs this side receives: {@link Direction#STATION_TO_CSMS} for the
     *                      CSMS-side adapter, {@link Direction#CSMS_TO_STATION} for a simulated station
     * @param maxFrameChars the largest frame accepted, in characters
     */
    public OcppJsonCodec(OcppVersion version, ActionCatalog catalog, Direction inboundCalls, int maxFrameChars) {
        if (inboundCalls == Direction.BOTH) {
            throw new IllegalArgumentException("inboundCalls must be one travel direction");
        }
        if (maxFrameChars < 64) {
            throw new IllegalArgumentException("maxFrameChars too small: " + maxFrameChars);
        }
        this.version = version;
        this.catalog = catalog;
        this.inboundCalls = inboundCalls;
        this.maxFrameChars = maxFrameChars;
        this.mapper = OcppJson.mapper(maxFrameChars);
    }

    /** A codec for the CSMS side (the adapter), with {@link OcppJson#DEFAULT_MAX_FRAME_CHARS}. */
    public static OcppJsonCodec forCsms(OcppVersion version) {
        return new OcppJsonCodec(version, ActionCatalog.standard(), Direction.STATION_TO_CSMS,
                OcppJson.DEFAULT_MAX_FRAME_CHARS);
    }

    public OcppVersion version() {
        return version;
    }

    public int maxFrameChars() {
        return maxFrameChars;
    }

    /** The mapper whose node factory built the payloads; use it to build outbound payloads alike. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Whether a frame of {@code length} characters is within the limit. The transport enforces the limit on
     * bytes before a frame is assembled; this is the same rule for callers holding text.
     */
    public boolean withinFrameLimit(int length) {
        return length <= maxFrameChars;
    }

    /** Decodes one WebSocket text frame. Never throws for any input text. */
    public DecodeResult decode(String text) {
        if (text == null || text.isEmpty()) {
            return reject(null, RpcErrorKind.RPC_FRAMEWORK_ERROR, "empty frame", true);
        }
        if (!withinFrameLimit(text.length())) {
            Header header = new Header();
            // Read just far enough to echo the id; the limit bounds the work, not the reply.
            readHeaderQuietly(text.substring(0, Math.min(text.length(), 256)), header);
            return reject(header.id, RpcErrorKind.FORMAT_VIOLATION,
                    "frame of " + text.length() + " characters exceeds the limit of " + maxFrameChars,
                    header.replyExpected());
        }
        Header header = new Header();
        try (JsonParser parser = mapper.createParser(text)) {
            return decode(parser, header);
        } catch (StreamConstraintsException e) {
            return reject(header.id, RpcErrorKind.FORMAT_VIOLATION,
                    "frame exceeds parser limits: " + firstLine(e), header.replyExpected());
        } catch (JsonProcessingException e) {
            RpcErrorKind kind = header.id != null ? RpcErrorKind.FORMAT_VIOLATION : RpcErrorKind.RPC_FRAMEWORK_ERROR;
            return reject(header.id, kind, "malformed JSON: " + firstLine(e), header.replyExpected());
        } catch (IOException e) {
            // Parsing a String performs no I/O; kept to satisfy the parser's signature.
            throw new UncheckedIOException(e);
        }
    }

    private DecodeResult decode(JsonParser p, Header h) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            return reject(null, RpcErrorKind.RPC_FRAMEWORK_ERROR, "frame is not a JSON array", true);
        }
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            return reject(null, RpcErrorKind.RPC_FRAMEWORK_ERROR, "element 0 (message type) is not an integer",
                    true);
        }
        h.typeId = p.getIntValue();
        t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return reject(p.getText(), RpcErrorKind.RPC_FRAMEWORK_ERROR, "element 1 (message id) must be a string",
                    h.replyExpected());
        }
        if (t != JsonToken.VALUE_STRING) {
            return reject(null, RpcErrorKind.RPC_FRAMEWORK_ERROR,
                    t == JsonToken.END_ARRAY ? "frame has no message id" : "element 1 (message id) must be a string",
                    h.replyExpected());
        }
        String id = p.getText();
        if (id.isEmpty()) {
            return reject(null, RpcErrorKind.RPC_FRAMEWORK_ERROR, "message id is empty", h.replyExpected());
        }
        h.id = id;
        if (id.length() > MAX_MESSAGE_ID_LENGTH) {
            return reject(id, RpcErrorKind.RPC_FRAMEWORK_ERROR,
                    "message id has " + id.length() + " characters, at most " + MAX_MESSAGE_ID_LENGTH + " allowed",
                    h.replyExpected());
        }
        MessageType type = MessageType.fromId(h.typeId);
        if (type == null) {
            return reject(id, RpcErrorKind.MESSAGE_TYPE_NOT_SUPPORTED,
                    "message type " + h.typeId + " is not supported", true);
        }
        return switch (type) {
            case CALL -> decodeCall(p, id);
            case CALL_RESULT -> decodeCallResult(p, id);
            case CALL_ERROR -> decodeCallError(p, id);
        };
    }

    private DecodeResult decodeCall(JsonParser p, String id) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_STRING) {
            return reject(id, RpcErrorKind.RPC_FRAMEWORK_ERROR,
                    t == JsonToken.END_ARRAY ? "CALL has 2 elements, 4 expected" : "element 2 (action) must be a string",
                    true);
        }
        String action = p.getText();
        t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return reject(id, RpcErrorKind.RPC_FRAMEWORK_ERROR, "CALL has 3 elements, 4 expected", true);
        }
        if (t != JsonToken.START_OBJECT) {
            return reject(id, RpcErrorKind.FORMAT_VIOLATION, "CALL payload must be a JSON object", true);
        }
        ObjectNode payload = mapper.readTree(p);
        DecodeResult tail = expectEnd(p, id, "CALL has more than 4 elements", true);
        if (tail != null) {
            return tail;
        }
        ActionSpec spec = catalog.find(version, action).orElse(null);
        if (spec == null) {
            return reject(id, RpcErrorKind.NOT_IMPLEMENTED,
                    "action " + action + " is not implemented for " + version.subprotocol(), true);
        }
        if (!spec.direction().allows(inboundCalls)) {
            return reject(id, RpcErrorKind.NOT_SUPPORTED,
                    "action " + action + " is not accepted in this direction", true);
        }
        return new DecodeResult.Decoded(new Call(id, action, payload));
    }

    private DecodeResult decodeCallResult(JsonParser p, String id) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return reject(id, RpcErrorKind.RPC_FRAMEWORK_ERROR, "CALLRESULT has 2 elements, 3 expected", false);
        }
        if (t != JsonToken.START_OBJECT) {
            return reject(id, RpcErrorKind.FORMAT_VIOLATION, "CALLRESULT payload must be a JSON object", false);
        }
        ObjectNode payload = mapper.readTree(p);
        DecodeResult tail = expectEnd(p, id, "CALLRESULT has more than 3 elements", false);
        return tail != null ? tail : new DecodeResult.Decoded(new CallResult(id, payload));
    }

    private DecodeResult decodeCallError(JsonParser p, String id) throws IOException {
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            return reject(id, RpcErrorKind.RPC_FRAMEWORK_ERROR, "CALLERROR element 2 (errorCode) must be a string",
                    false);
        }
        String code = p.getText();
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            return reject(id, RpcErrorKind.RPC_FRAMEWORK_ERROR,
                    "CALLERROR element 3 (errorDescription) must be a string", false);
        }
        String description = p.getText();
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return reject(id, RpcErrorKind.RPC_FRAMEWORK_ERROR,
                    "CALLERROR element 4 (errorDetails) must be a JSON object", false);
        }
        ObjectNode details = mapper.readTree(p);
        DecodeResult tail = expectEnd(p, id, "CALLERROR has more than 5 elements", false);
        return tail != null ? tail : new DecodeResult.Decoded(new CallError(id, code, description, details));
    }

    /** Null when the array closes and nothing but whitespace follows it. */
    private static DecodeResult expectEnd(JsonParser p, String id, String tooMany, boolean replyExpected)
            throws IOException {
        if (p.nextToken() != JsonToken.END_ARRAY) {
            return reject(id, RpcErrorKind.RPC_FRAMEWORK_ERROR, tooMany, replyExpected);
        }
        if (p.nextToken() != null) {
            return reject(id, RpcErrorKind.FORMAT_VIOLATION, "content after the end of the frame", replyExpected);
        }
        return null;
    }

    private void readHeaderQuietly(String prefix, Header h) {
        try (JsonParser p = mapper.createParser(prefix)) {
            if (p.nextToken() == JsonToken.START_ARRAY && p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                h.typeId = p.getIntValue();
                if (p.nextToken() == JsonToken.VALUE_STRING && !p.getText().isEmpty()
                        && p.getText().length() <= MAX_MESSAGE_ID_LENGTH) {
                    h.id = p.getText();
                }
            }
        } catch (IOException e) {
            // Truncated prefix: whatever was read before the break stays in the header.
        }
    }

    private static DecodeResult reject(String id, RpcErrorKind kind, String description, boolean replyExpected) {
        return new DecodeResult.Rejected(new RpcError(id == null ? RpcError.UNKNOWN_MESSAGE_ID : id, kind,
                description, replyExpected));
    }

    private static String firstLine(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            return e.getClass().getSimpleName();
        }
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }

    /** Serializes a frame to its OCPP-J text. */
    public String encode(RpcFrame frame) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartArray();
            g.writeNumber(frame.type().id());
            g.writeString(frame.messageId());
            switch (frame) {
                case Call call -> {
                    g.writeString(call.action());
                    g.writeTree(call.payload());
                }
                case CallResult result -> g.writeTree(result.payload());
                case CallError error -> {
                    g.writeString(error.errorCode());
                    g.writeString(error.errorDescription());
                    g.writeTree(error.errorDetails());
                }
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("serializing " + frame.type() + " " + frame.messageId(), e);
        }
        return out.toString();
    }

    /** What was read of a frame before it turned out to be broken. */
    private static final class Header {
        int typeId = -1;
        String id;

        /** Only a CALL, or a frame whose type is unknown or unreadable, is answered. */
        boolean replyExpected() {
            return typeId != MessageType.CALL_RESULT.id() && typeId != MessageType.CALL_ERROR.id();
        }
    }
}
