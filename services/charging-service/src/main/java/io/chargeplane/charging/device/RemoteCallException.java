package io.chargeplane.charging.device;

/** Another service answered something other than what the call needs. */
public class RemoteCallException extends RuntimeException {

    private final int status;

    public RemoteCallException(String service, int status, String body) {
        super(service + " answered " + status + (body == null ? "" : ": " + abbreviate(body)));
        this.status = status;
    }

    public int status() {
        return status;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
