/**
 * What a device is and can do, and the vocabulary its state is reported in, independent of protocol.
 * Enums serialize by constant name except {@link io.chargeplane.model.device.Capability} and
 * {@link io.chargeplane.model.device.Protocol}, whose wire names appear in topics and envelope attributes.
 */
package io.chargeplane.model.device;
