package io.chargeplane.device.persistence;

import java.util.List;

/** One page of rows and the number of rows that match in total. */
public record PageResult<T>(List<T> items, long total) {

    public PageResult {
        items = List.copyOf(items);
    }
}
