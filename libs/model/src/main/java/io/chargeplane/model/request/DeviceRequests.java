package io.chargeplane.model.request;

import io.chargeplane.model.ModelValidationException;
import java.util.Map;
import java.util.Set;

/** Maps request names (topic levels, CloudEvents types) to request and reply record classes. */
public final class DeviceRequests {

    private static final Map<String, Class<? extends DeviceRequest>> REQUESTS = Map.of(
            AuthorizeRequest.NAME, AuthorizeRequest.class,
            StartTransactionRequest.NAME, StartTransactionRequest.class);

    private static final Map<String, Class<? extends DeviceReply>> REPLIES = Map.of(
            AuthorizeRequest.NAME, AuthorizeReply.class,
            StartTransactionRequest.NAME, StartTransactionReply.class);

    private DeviceRequests() {
    }

    public static Class<? extends DeviceRequest> typeFor(String requestName) {
        return lookup(REQUESTS, requestName);
    }

    public static Class<? extends DeviceReply> replyTypeFor(String requestName) {
        return lookup(REPLIES, requestName);
    }

    public static boolean isKnown(String requestName) {
        return requestName != null && REQUESTS.containsKey(requestName);
    }

    public static Set<String> names() {
        return REQUESTS.keySet();
    }

    private static <T> Class<? extends T> lookup(Map<String, Class<? extends T>> map, String name) {
        Class<? extends T> type = name == null ? null : map.get(name);
        if (type == null) {
            throw new ModelValidationException("", "unknown request '" + name + "' (known: " + REQUESTS.keySet() + ")");
        }
        return type;
    }
}
