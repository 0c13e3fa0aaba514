package io.chargeplane.model.topic;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.Require;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.event.DeviceEvents;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.DeviceRequests;

/**
 * The canonical MQTT topic scheme: formatting, parsing and subscription filters.
 *
 * <pre>
 * chargeplane/v1/{tenant}/{device}/evt/{event}        device events (adapter publishes)
 * chargeplane/v1/{tenant}/{device}/cmd/{capability}   commands (adapter subscribes while connected)
 * chargeplane/v1/{tenant}/{device}/result/{capability} command results without a response topic
 * chargeplane/v1/{tenant}/{device}/req/{request}      device requests (MQTT 5 request/response)
 * chargeplane/v1/{tenant}/{device}/res/{request}      replies, the response topic adapters name
 * chargeplane/v1/{tenant}/{device}/presence           retained device presence
 * chargeplane/v1/_adapters/{instance}/presence        retained adapter presence and last will
 * chargeplane/v1/_policies/{tenant}/offline-policy    retained offline policy of a tenant's adapters
 * </pre>
 *
 * <p>Tenant and device ids are topic-safe by construction and no tenant may start with {@code _}, so a parse
 * is never ambiguous.
 */
public final class Topics {

    public static final String ROOT = "chargeplane/v1";
    public static final String ADAPTERS = "_adapters";
    /** Platform-level settings per tenant that adapters follow, published retained by the owning service. */
    public static final String POLICIES = "_policies";
    static final String OFFLINE_POLICY = "offline-policy";

    private Topics() {
    }

    public static String event(TenantId tenant, DeviceId device, String eventName) {
        return new EventTopic(tenant, device, eventName).format();
    }

    public static String command(TenantId tenant, DeviceId device, Capability capability) {
        return new CommandTopic(tenant, device, capability).format();
    }

    public static String commandResult(TenantId tenant, DeviceId device, Capability capability) {
        return new CommandResultTopic(tenant, device, capability).format();
    }

    public static String request(TenantId tenant, DeviceId device, String requestName) {
        return new RequestTopic(tenant, device, requestName).format();
    }

    public static String reply(TenantId tenant, DeviceId device, String requestName) {
        return new ReplyTopic(tenant, device, requestName).format();
    }

    public static String devicePresence(TenantId tenant, DeviceId device) {
        return new DevicePresenceTopic(tenant, device).format();
    }

    public static String adapterPresence(AdapterInstanceId instance) {
        return new AdapterPresenceTopic(instance).format();
    }

    /**
     * Retained {@link io.chargeplane.model.request.OfflinePolicySetting} of one tenant: charging-service publishes
     * it, every adapter applies it to that tenant's unanswered device requests.
     */
    public static String offlinePolicy(TenantId tenant) {
        return ROOT + "/" + POLICIES + "/" + tenant.value() + "/" + OFFLINE_POLICY;
    }

    /** Every tenant's offline policy: what an adapter subscribes to. */
    public static String allOfflinePolicies() {
        return ROOT + "/" + POLICIES + "/+/" + OFFLINE_POLICY;
    }

    /** The tenant an offline-policy topic names, or a {@code topic:} error when it is not one. */
    public static TenantId offlinePolicyTenant(String topic) {
        String[] levels = topic == null ? new String[0] : topic.split("/", -1);
        if (levels.length != 5 || !topic.startsWith(ROOT + "/" + POLICIES + "/") || !OFFLINE_POLICY.equals(levels[4])) {
            throw new ModelValidationException("topic", "'" + topic + "' is not an offline-policy topic");
        }
        try {
            return TenantId.of(levels[3]);
        } catch (ModelValidationException e) {
            throw new ModelValidationException("topic", "tenant " + e.reason());
        }
    }

    static String devicePrefix(TenantId tenant, DeviceId device) {
        return ROOT + "/" + tenant.value() + "/" + device.value() + "/";
    }

    /** Parses a concrete topic (no wildcards), or fails with a {@code topic:} error saying what is wrong. */
    public static Topic parse(String topic) {
        return TopicParser.parse(topic);
    }

    // Subscription filters.

    /** Every device event of every tenant: the Kafka pump's subscription. */
    public static String allEvents() {
        return ROOT + "/+/+/" + EventTopic.SEGMENT + "/+";
    }

    public static String eventsOf(TenantId tenant) {
        return ROOT + "/" + tenant.value() + "/+/" + EventTopic.SEGMENT + "/+";
    }

    /** One event kind of every tenant and device, e.g. all {@code transaction_ended}. */
    public static String allEvents(String eventName) {
        DeviceEvents.typeFor(eventName);
        return ROOT + "/+/+/" + EventTopic.SEGMENT + "/" + eventName;
    }

    /** Every command for one device: what an adapter subscribes to while it holds the device's connection. */
    public static String commandsFor(TenantId tenant, DeviceId device) {
        return devicePrefix(tenant, device) + CommandTopic.SEGMENT + "/+";
    }

    public static String repliesFor(TenantId tenant, DeviceId device) {
        return devicePrefix(tenant, device) + ReplyTopic.SEGMENT + "/+";
    }

    public static String allCommandResults() {
        return ROOT + "/+/+/" + CommandResultTopic.SEGMENT + "/+";
    }

    /** One request kind from every device, e.g. {@code authorize}: charging-service's (shared) subscription. */
    public static String allRequests(String requestName) {
        DeviceRequests.typeFor(requestName);
        return ROOT + "/+/+/" + RequestTopic.SEGMENT + "/" + requestName;
    }

    public static String allRequests() {
        return ROOT + "/+/+/" + RequestTopic.SEGMENT + "/+";
    }

    /**
     * Every device's presence. MQTT cannot exclude a level, so this filter also matches adapter presence
     * ({@code _adapters} sits where a tenant would); subscribers dispatch on {@link #parse}, which tells the
     * two apart because no tenant may start with {@code _}.
     */
    public static String allDevicePresence() {
        return ROOT + "/+/+/" + DevicePresenceTopic.SEGMENT;
    }

    public static String allAdapterPresence() {
        return ROOT + "/" + ADAPTERS + "/+/" + DevicePresenceTopic.SEGMENT;
    }

    /**
     * The MQTT 5 shared-subscription form {@code $share/{group}/{filter}}: the broker hands each message to one
     * member of the group, which is how several service replicas split the requests.
     */
    public static String shared(String group, String filter) {
        Require.topicLevel(group, "group", 64);
        Require.text(filter, "filter", 1024);
        if (filter.startsWith("$share/")) {
            throw new ModelValidationException("filter", "is already a shared subscription");
        }
        return "$share/" + group + "/" + filter;
    }

    /** Whether a concrete topic matches an MQTT filter with {@code +} and {@code #} wildcards. */
    public static boolean matches(String filter, String topic) {
        String[] filterLevels = filter.split("/", -1);
        String[] topicLevels = topic.split("/", -1);
        for (int i = 0; i < filterLevels.length; i++) {
            if (filterLevels[i].equals("#")) {
                return true;
            }
            if (i >= topicLevels.length) {
                return false;
            }
            if (!filterLevels[i].equals("+") && !filterLevels[i].equals(topicLevels[i])) {
                return false;
            }
        }
        return filterLevels.length == topicLevels.length;
    }
}
