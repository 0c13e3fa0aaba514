/**
 * The contract between bridge-core and a protocol adapter.
 *
 * <p>An adapter is a {@link io.chargeplane.bridge.core.spi.ProtocolAdapter} bean. For every authenticated
 * device connection it calls {@link io.chargeplane.bridge.core.spi.DeviceConnections#attach} with a
 * {@link io.chargeplane.bridge.core.spi.DeviceEndpoint} (how core reaches the device) and gets a
 * {@link io.chargeplane.bridge.core.spi.DeviceLink} back (how the adapter reaches the platform). Everything
 * on the device bus (topics, envelopes, presence, command subscription, request/response, metrics) is core's
 * job; the adapter only translates between its protocol and the canonical model.
 */
package io.chargeplane.bridge.core.spi;
