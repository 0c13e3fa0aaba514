package io.chargeplane.model.envelope;

import io.chargeplane.model.CanonicalPayload;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.DeviceEvents;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import io.chargeplane.model.request.DeviceRequests;

/**
 * The CloudEvents {@code type} of every canonical payload, and the way back. The version suffix is part of
 * the type so that a breaking change can run side by side with the old one during a rollout.
 */
public final class CanonicalTypes {

    public static final String EVENT_PREFIX = "io.chargeplane.device.";
    public static final String COMMAND_PREFIX = "io.chargeplane.command.";
    public static final String COMMAND_RESULT = "io.chargeplane.command-result.v1";
    public static final String REQUEST_PREFIX = "io.chargeplane.request.";
    public static final String REPLY_PREFIX = "io.chargeplane.reply.";
    public static final String VERSION_SUFFIX = ".v1";

    private CanonicalTypes() {
    }

    public static String typeOf(CanonicalPayload payload) {
        return switch (payload) {
            case DeviceEvent event -> EVENT_PREFIX + event.eventName() + VERSION_SUFFIX;
            case CommandRequest request -> COMMAND_PREFIX + request.capability().wireName() + VERSION_SUFFIX;
            case CommandResult ignored -> COMMAND_RESULT;
            case DeviceRequest request -> REQUEST_PREFIX + request.requestName() + VERSION_SUFFIX;
            case DeviceReply reply -> REPLY_PREFIX + reply.requestName() + VERSION_SUFFIX;
            default -> throw new ModelValidationException("data",
                    "no canonical type for " + payload.getClass().getName());
        };
    }

    public static String eventType(String eventName) {
        DeviceEvents.typeFor(eventName);
        return EVENT_PREFIX + eventName + VERSION_SUFFIX;
    }

    public static String commandType(Capability capability) {
        return COMMAND_PREFIX + capability.wireName() + VERSION_SUFFIX;
    }

    /** Resolves a type read from the wire, or fails with a {@code type: ...} validation error. */
    public static PayloadType resolve(String type) {
        if (type == null || type.isEmpty()) {
            throw new ModelValidationException("type", "is required");
        }
        if (type.equals(COMMAND_RESULT)) {
            return new PayloadType(type, PayloadKind.COMMAND_RESULT, null, CommandResult.class, null);
        }
        if (type.startsWith(EVENT_PREFIX)) {
            String name = inner(type, EVENT_PREFIX, "event");
            if (!DeviceEvents.isKnown(name)) {
                throw unknown("event", type);
            }
            return new PayloadType(type, PayloadKind.EVENT, name, DeviceEvents.typeFor(name), null);
        }
        if (type.startsWith(COMMAND_PREFIX)) {
            String name = inner(type, COMMAND_PREFIX, "command");
            Capability capability;
            try {
                capability = Capability.fromWireName(name);
            } catch (ModelValidationException e) {
                throw unknown("command", type);
            }
            return new PayloadType(type, PayloadKind.COMMAND, name, CommandRequest.class, capability);
        }
        if (type.startsWith(REQUEST_PREFIX)) {
            String name = inner(type, REQUEST_PREFIX, "request");
            if (!DeviceRequests.isKnown(name)) {
                throw unknown("request", type);
            }
            return new PayloadType(type, PayloadKind.REQUEST, name, DeviceRequests.typeFor(name), null);
        }
        if (type.startsWith(REPLY_PREFIX)) {
            String name = inner(type, REPLY_PREFIX, "reply");
            if (!DeviceRequests.isKnown(name)) {
                throw unknown("reply", type);
            }
            return new PayloadType(type, PayloadKind.REPLY, name, DeviceRequests.replyTypeFor(name), null);
        }
        throw unknown("", type);
    }

    private static String inner(String type, String prefix, String family) {
        if (!type.endsWith(VERSION_SUFFIX) || type.length() <= prefix.length() + VERSION_SUFFIX.length()) {
            throw unknown(family, type);
        }
        return type.substring(prefix.length(), type.length() - VERSION_SUFFIX.length());
    }

    private static ModelValidationException unknown(String family, String type) {
        return new ModelValidationException("type", "unknown " + (family.isEmpty() ? "" : family + " ") + "type " + type);
    }
}
