package io.chargeplane.device.persistence;

import io.chargeplane.device.domain.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** Reads one page and the total count of a restricted query; callers open the session. */
final class Pages {

    private Pages() {
    }

    static <E, I> Uni<PageResult<E>> read(PanacheRepositoryBase<E, I> repository, Where where, PageRequest page,
                                         Sort order) {
        String hql = where.hql();
        Uni<Long> count = hql == null ? repository.count() : repository.count(hql, where.params());
        return count.flatMap(total -> {
            if (total <= page.offset()) {
                return Uni.createFrom().item(new PageResult<>(List.of(), total));
            }
            PanacheQuery<E> query = hql == null ? repository.findAll(order) : repository.find(hql, order, where.params());
            int first = (int) page.offset();
            return query.range(first, first + page.size() - 1).list().map(items -> new PageResult<>(items, total));
        });
    }

    /** Stable order for every list: creation time, then id to break ties. */
    static Sort creationOrder(String idAttribute) {
        return Sort.by("createdAt").and(idAttribute);
    }
}
