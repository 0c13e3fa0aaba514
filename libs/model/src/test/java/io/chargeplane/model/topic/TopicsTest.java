package io.chargeplane.model.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.model.Fixtures;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.event.DeviceEvents;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.request.DeviceRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    static Stream<Topic> everyTopic() {
        List<Topic> topics = new ArrayList<>();
        DeviceEvents.names().forEach(name -> topics.add(new EventTopic(Fixtures.TENANT, Fixtures.DEVICE, name)));
        for (Capability capability : Capability.values()) {
            topics.add(new CommandTopic(Fixtures.TENANT, Fixtures.DEVICE, capability));
            topics.add(new CommandResultTopic(Fixtures.TENANT, Fixtures.DEVICE, capability));
        }
        for (String request : DeviceRequests.names()) {
            topics.add(new RequestTopic(Fixtures.TENANT, Fixtures.DEVICE, request));
            topics.add(new ReplyTopic(Fixtures.TENANT, Fixtures.DEVICE, request));
        }
        topics.add(new DevicePresenceTopic(Fixtures.TENANT, Fixtures.DEVICE));
        topics.add(new AdapterPresenceTopic(AdapterInstanceId.of("bridge-ocpp-0")));
        return topics.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyTopic")
    void everyTopicParsesBackToItself(Topic topic) {
        assertEquals(topic, Topics.parse(topic.format()));
    }

    @Test
    void formatsTheAgreedScheme() {
        assertEquals("chargeplane/v1/acme-energy/CP-0042/evt/meter_sample",
                Topics.event(Fixtures.TENANT, Fixtures.DEVICE, "meter_sample"));
        assertEquals("chargeplane/v1/acme-energy/CP-0042/cmd/start_charging",
                Topics.command(Fixtures.TENANT, Fixtures.DEVICE, Capability.START_CHARGING));
        assertEquals("chargeplane/v1/acme-energy/CP-0042/req/authorize",
                Topics.request(Fixtures.TENANT, Fixtures.DEVICE, "authorize"));
        assertEquals("chargeplane/v1/acme-energy/CP-0042/res/authorize",
                Topics.reply(Fixtures.TENANT, Fixtures.DEVICE, "authorize"));
        assertEquals("chargeplane/v1/acme-energy/CP-0042/result/reset",
                Topics.commandResult(Fixtures.TENANT, Fixtures.DEVICE, Capability.RESET));
        assertEquals("chargeplane/v1/acme-energy/CP-0042/presence", Topics.devicePresence(Fixtures.TENANT, Fixtures.DEVICE));
        assertEquals("chargeplane/v1/_adapters/bridge-1/presence", Topics.adapterPresence(AdapterInstanceId.of("bridge-1")));
    }

    @Test
    void parsesIntoTheMatchingKind() {
        EventTopic event = assertInstanceOf(EventTopic.class,
                Topics.parse("chargeplane/v1/acme-energy/CP-0042/evt/transaction_ended"));
        assertEquals("transaction_ended", event.eventName());
        assertEquals(Fixtures.DEVICE, event.device());
        CommandTopic command = assertInstanceOf(CommandTopic.class,
                Topics.parse("chargeplane/v1/acme-energy/CP-0042/cmd/open_barrier"));
        assertEquals(Capability.OPEN_BARRIER, command.capability());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "chargeplane/v2/acme/CP-1/evt/meter_sample",
            "other/v1/acme/CP-1/evt/meter_sample",
            "chargeplane/v1/acme/CP-1/evt/foo",
            "chargeplane/v1/acme/CP-1/cmd/fly",
            "chargeplane/v1/acme/CP-1/req/heartbeat",
            "chargeplane/v1/acme/CP-1/xyz/meter_sample",
            "chargeplane/v1/acme/CP-1/evt",
            "chargeplane/v1/acme/CP-1/evt/meter_sample/extra",
            "chargeplane/v1/acme/CP-1",
            "chargeplane/v1/acme/CP-1/evt/+",
            "chargeplane/v1/+/+/evt/meter_sample",
            "chargeplane/v1/_tenant/CP-1/evt/meter_sample",
            "chargeplane/v1/_adapters/bridge-1",
            "chargeplane/v1/_adapters/bridge-1/status",
            "chargeplane/v1/acme//evt/meter_sample",
            ""})
    void rejectsAnythingOutsideTheScheme(String topic) {
        ModelValidationException e = assertThrows(ModelValidationException.class, () -> Topics.parse(topic));

        assertEquals("topic", e.field());
    }

    @Test
    void rejectionSaysWhatIsWrong() {
        assertEquals("topic: 'chargeplane/v1/acme/CP-1/evt/foo' event level is invalid: unknown event 'foo'",
                assertThrows(ModelValidationException.class,
                        () -> Topics.parse("chargeplane/v1/acme/CP-1/evt/foo")).getMessage());
        assertTrue(assertThrows(ModelValidationException.class,
                () -> Topics.parse("chargeplane/v1/acme/CP-1/xyz/a")).getMessage().contains("unknown segment 'xyz'"));
    }

    @Test
    void filtersMatchWhatTheyShouldAndNothingElse() {
        String meter = Topics.event(Fixtures.TENANT, Fixtures.DEVICE, "meter_sample");
        String command = Topics.command(Fixtures.TENANT, Fixtures.DEVICE, Capability.RESET);

        assertEquals("chargeplane/v1/+/+/evt/+", Topics.allEvents());
        assertTrue(Topics.matches(Topics.allEvents(), meter));
        assertFalse(Topics.matches(Topics.allEvents(), command));
        assertTrue(Topics.matches(Topics.eventsOf(Fixtures.TENANT), meter));
        assertTrue(Topics.matches(Topics.allEvents("meter_sample"), meter));
        assertFalse(Topics.matches(Topics.allEvents("fault"), meter));
        assertTrue(Topics.matches(Topics.commandsFor(Fixtures.TENANT, Fixtures.DEVICE), command));
        assertTrue(Topics.matches(Topics.allAdapterPresence(), Topics.adapterPresence(AdapterInstanceId.of("a"))));
        assertTrue(Topics.matches(Topics.allRequests("authorize"),
                Topics.request(Fixtures.TENANT, Fixtures.DEVICE, "authorize")));
        assertTrue(Topics.matches("chargeplane/v1/#", command));
    }

    @Test
    void devicePresenceFilterAlsoDeliversAdapterPresenceWhichParseTellsApart() {
        String adapterPresence = Topics.adapterPresence(AdapterInstanceId.of("a"));

        assertTrue(Topics.matches(Topics.allDevicePresence(), adapterPresence));
        assertInstanceOf(AdapterPresenceTopic.class, Topics.parse(adapterPresence));
        assertInstanceOf(DevicePresenceTopic.class, Topics.parse(Topics.devicePresence(Fixtures.TENANT, Fixtures.DEVICE)));
    }

    @Test
    void sharedSubscriptionWrapsAFilterForAGroup() {
        assertEquals("$share/charging-service/chargeplane/v1/+/+/req/authorize",
                Topics.shared("charging-service", Topics.allRequests("authorize")));
        assertThrows(ModelValidationException.class, () -> Topics.shared("a/b", Topics.allEvents()));
        assertThrows(ModelValidationException.class,
                () -> Topics.shared("g", Topics.shared("g", Topics.allEvents())));
    }

    @Test
    void formattingRefusesUnknownNames() {
        assertThrows(ModelValidationException.class, () -> Topics.event(Fixtures.TENANT, Fixtures.DEVICE, "foo"));
        assertThrows(ModelValidationException.class, () -> Topics.allRequests("foo"));
    }
}
