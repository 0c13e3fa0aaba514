package io.chargeplane.model.topic;

/**
 * A parsed canonical MQTT topic. Closed so that a bridge routing incoming publishes switches over every
 * kind and the compiler reports a new one.
 */
public sealed interface Topic
        permits EventTopic, CommandTopic, CommandResultTopic, RequestTopic, ReplyTopic, DevicePresenceTopic,
        AdapterPresenceTopic {

    /** The topic string, ready to publish to. */
    String format();
}
