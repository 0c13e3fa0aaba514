package io.chargeplane.device.api;

import io.chargeplane.device.domain.PageRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a list in a stable order (creation time, then id). */
@Schema(description = "One page of a list; items are ordered by creation time, then id")
public record PageView<T>(
        List<T> items,
        @Schema(description = "Page number, from 0") int page,
        @Schema(description = "Page size asked for") int size,
        @Schema(description = "Number of matching items on all pages") long total) {

    static <E, T> PageView<T> of(io.chargeplane.device.persistence.PageResult<E> result, PageRequest request,
                                 Function<E, T> view) {
        return new PageView<>(result.items().stream().map(view).toList(), request.page(), request.size(), result.total());
    }
}
