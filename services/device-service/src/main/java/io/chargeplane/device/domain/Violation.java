package io.chargeplane.device.domain;

/** One rule a request breaks; {@code field} is the JSON path of the offending value, e.g. {@code evses[0].evseNumber}. */
public record Violation(String field, String message) {
}
