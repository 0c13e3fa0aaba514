/**
 * Device events: what happened at a device, in protocol-neutral records. Timestamps are device time where
 * the device reports one; the envelope's {@code time} is when the event occurred as best known.
 */
package io.chargeplane.model.event;
