package io.chargeplane.model.topic;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;

/** Parses concrete canonical topics; every rejection names the topic and what is wrong with it. */
final class TopicParser {

    private static final String FIELD = "topic";

    private TopicParser() {
    }

    static Topic parse(String topic) {
        if (topic == null || topic.isEmpty()) {
            throw new ModelValidationException(FIELD, "is required");
        }
        if (!topic.startsWith(Topics.ROOT + "/")) {
            throw fail(topic, "does not start with " + Topics.ROOT + "/");
        }
        if (topic.contains("+") || topic.contains("#")) {
            throw fail(topic, "contains a wildcard; only concrete topics can be parsed");
        }
        String[] levels = topic.substring(Topics.ROOT.length() + 1).split("/", -1);
        if (levels[0].equals(Topics.ADAPTERS)) {
            return adapterPresence(topic, levels);
        }
        if (levels.length < 3) {
            throw fail(topic, "is too short for a device topic");
        }
        TenantId tenant = level(topic, "tenant", () -> new TenantId(levels[0]));
        DeviceId device = level(topic, "device", () -> new DeviceId(levels[1]));
        if (levels.length == 3 && levels[2].equals(DevicePresenceTopic.SEGMENT)) {
            return new DevicePresenceTopic(tenant, device);
        }
        if (levels.length != 4) {
            throw fail(topic, "has " + (levels.length + 2) + " levels; device topics have 6 (or 5 for presence)");
        }
        String name = levels[3];
        return switch (levels[2]) {
            case EventTopic.SEGMENT -> level(topic, "event", () -> new EventTopic(tenant, device, name));
            case CommandTopic.SEGMENT -> new CommandTopic(tenant, device, capability(topic, name));
            case CommandResultTopic.SEGMENT -> new CommandResultTopic(tenant, device, capability(topic, name));
            case RequestTopic.SEGMENT -> level(topic, "request", () -> new RequestTopic(tenant, device, name));
            case ReplyTopic.SEGMENT -> level(topic, "request", () -> new ReplyTopic(tenant, device, name));
            default -> throw fail(topic, "has unknown segment '" + levels[2] + "' (expected evt, cmd, result, req, res"
                    + " or presence)");
        };
    }

    private static Topic adapterPresence(String topic, String[] levels) {
        if (levels.length != 3 || !levels[2].equals(DevicePresenceTopic.SEGMENT)) {
            throw fail(topic, "is not an adapter presence topic (" + Topics.ROOT + "/" + Topics.ADAPTERS
                    + "/{instance}/presence)");
        }
        return new AdapterPresenceTopic(level(topic, "instance", () -> new AdapterInstanceId(levels[1])));
    }

    private static Capability capability(String topic, String name) {
        return level(topic, "capability", () -> Capability.fromWireName(name));
    }

    private static <T> T level(String topic, String what, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ModelValidationException e) {
            throw fail(topic, what + " level is invalid: " + e.getMessage());
        }
    }

    private static ModelValidationException fail(String topic, String reason) {
        return new ModelValidationException(FIELD, "'" + topic + "' " + reason);
    }
}
