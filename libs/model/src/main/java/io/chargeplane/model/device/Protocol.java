package io.chargeplane.model.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.chargeplane.model.ModelValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The protocol a device speaks to its adapter. The wire name equals the OCPP WebSocket subprotocol where
 * there is one, so an adapter can pass the negotiated value straight through; it travels as the CloudEvents
 * {@code protocol} extension and lets services reason about what a device can do without knowing frames.
 */
public enum Protocol {
    OCPP_1_6("ocpp1.6"),
    OCPP_2_0_1("ocpp2.0.1"),
    OCPP_2_1("ocpp2.1"),
    YKC("ykc"),
    VENDOR_MQTT("vendor-mqtt"),
    VENDOR_CLOUD("vendor-cloud");

    private final String wireName;

    Protocol(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Protocol fromWireName(String wireName) {
        for (Protocol protocol : values()) {
            if (protocol.wireName.equals(wireName)) {
                return protocol;
            }
        }
        throw new ModelValidationException("", "unknown protocol '" + wireName + "' (known: "
                + Arrays.stream(values()).map(Protocol::wireName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
