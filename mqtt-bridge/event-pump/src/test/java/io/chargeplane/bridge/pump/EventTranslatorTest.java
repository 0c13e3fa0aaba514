package io.chargeplane.bridge.pump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.pump.EventTranslator.Event;
import io.chargeplane.bridge.pump.EventTranslator.Poison;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.LogEvent;
import io.chargeplane.model.event.Severity;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventTranslatorTest {

    private static final CanonicalCodec CODEC = CanonicalCodec.defaultCodec();
    private static final TenantId ACME = TenantId.of("acme");
    private static final DeviceId CP1 = DeviceId.of("CP-1");

    private final EventTranslator translator = new EventTranslator(CODEC);

    private static CanonicalEvent<LogEvent> logEvent(TenantId tenant, DeviceId device) {
        return CanonicalEvent.builder(tenant, device, new LogEvent(Severity.INFO, "hello", null)).build();
    }

    @Test
    void validEventBecomesBinaryModeUnderTenantDeviceKey() {
        CanonicalEvent<LogEvent> event = logEvent(ACME, CP1);
        var outcome = translator.translate(Topics.event(ACME, CP1, LogEvent.NAME), CODEC.writeStructured(event));

        Event translated = assertInstanceOf(Event.class, outcome);
        assertEquals("acme:CP-1", translated.key());
        assertEquals(event.id().value(), translated.message().header("ce_id"));
        assertEquals("io.chargeplane.device.log.v1", translated.message().header("ce_type"));
        assertEquals(event, CODEC.readBinary(translated.message()));
    }

    @Test
    void unparsableJsonIsPoisonKeyedByTheTopicsDevice() {
        var outcome = translator.translate(Topics.event(ACME, CP1, LogEvent.NAME),
                "{not json".getBytes(StandardCharsets.UTF_8));

        Poison poison = assertInstanceOf(Poison.class, outcome);
        assertEquals("acme:CP-1", poison.key());
    }

    @Test
    void envelopeOfAnotherTenantThanItsTopicIsPoison() {
        byte[] foreign = CODEC.writeStructured(logEvent(TenantId.of("volt"), CP1));
        var outcome = translator.translate(Topics.event(ACME, CP1, LogEvent.NAME), foreign);

        Poison poison = assertInstanceOf(Poison.class, outcome);
        assertTrue(poison.reason().startsWith("source:"), poison.reason());
    }

    @Test
    void eventOnAnotherEventsTopicIsPoison() {
        var outcome = translator.translate(Topics.event(ACME, CP1, "fault"), CODEC.writeStructured(logEvent(ACME, CP1)));

        Poison poison = assertInstanceOf(Poison.class, outcome);
        assertTrue(poison.reason().startsWith("type:"), poison.reason());
    }

    @Test
    void messageOnATopicOutsideTheSchemeIsPoisonWithoutKey() {
        var outcome = translator.translate("chargeplane/v1/acme/CP-1/evt/no_such_event", new byte[0]);

        Poison poison = assertInstanceOf(Poison.class, outcome);
        assertNull(poison.key());
    }
}
