package io.chargeplane.device.domain;

/**
 * One page of a list: {@code page} counts from 0, {@code size} is bounded so that no client can ask for the
 * whole table at once.
 */
public record PageRequest(int page, int size) {

    /**
     * Reads the {@code page} and {@code size} query parameters.
     *
     * @throws InvalidRequestException naming {@code page} or {@code size} when out of range
     */
    public static PageRequest of(Integer page, Integer size, int defaultSize, int maxSize) {
        Violations v = new Violations();
        v.check(page == null || page >= 0, "page", "must be >= 0");
        v.check(size == null || (size >= 1 && size <= maxSize), "size", "must be between 1 and " + maxSize);
        v.throwIfAny();
        PageRequest request = new PageRequest(page == null ? 0 : page, size == null ? Math.min(defaultSize, maxSize) : size);
        if (request.offset() + request.size() > Integer.MAX_VALUE) {
            throw InvalidRequestException.of("page", "is beyond the last row any list can have");
        }
        return request;
    }

    /** Rows to skip. Long: {@code page * size} may exceed an int for absurd pages. */
    public long offset() {
        return (long) page * size;
    }
}
