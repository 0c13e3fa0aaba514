package io.chargeplane.model.envelope;

/** The families of canonical messages; each has its own CloudEvents type prefix and MQTT topic segment. */
public enum PayloadKind {
    /** {@code io.chargeplane.device.<event>.v1}, data a {@code DeviceEvent}. */
    EVENT,
    /** {@code io.chargeplane.command.<capability>.v1}, data a {@code CommandRequest}. */
    COMMAND,
    /** {@code io.chargeplane.command-result.v1}, data a {@code CommandResult}. */
    COMMAND_RESULT,
    /** {@code io.chargeplane.request.<request>.v1}, data a {@code DeviceRequest}. */
    REQUEST,
    /** {@code io.chargeplane.reply.<request>.v1}, data a {@code DeviceReply}. */
    REPLY
}
