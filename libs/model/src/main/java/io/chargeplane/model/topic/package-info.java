/**
 * The canonical MQTT topic scheme of the device bus ({@link io.chargeplane.model.topic.Topics}), parsed
 * topics as a closed hierarchy, and the retained presence messages.
 */
package io.chargeplane.model.topic;
