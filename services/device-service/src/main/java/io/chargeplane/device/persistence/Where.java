package io.chargeplane.device.persistence;

import io.chargeplane.device.domain.TextSearch;
import io.chargeplane.model.id.TenantId;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds the HQL restriction of a list query from optional filters. It starts from the tenant restriction,
 * so no list can be written without deciding whose rows it reads.
 */
final class Where {

    private final StringJoiner clauses = new StringJoiner(" and ");
    private final Map<String, Object> params = new HashMap<>();

    private Where() {
    }

    /**
     * @param tenantColumn the entity attribute holding the tenant
     * @param only         the one tenant to read, or {@code null} for a platform admin's cross-tenant view
     */
    static Where tenant(String tenantColumn, TenantId only) {
        return new Where().eq(tenantColumn, "tenant", only == null ? null : only.value());
    }

    /** Adds {@code column = value} unless {@code value} is null (no filter). */
    Where eq(String column, String param, Object value) {
        if (value != null) {
            clauses.add(column + " = :" + param);
            params.put(param, value);
        }
        return this;
    }

    /** Adds a case-insensitive contains-match over any of {@code columns}, from {@link TextSearch#containsPattern}. */
    Where matches(String pattern, String... columns) {
        if (pattern != null) {
            StringJoiner any = new StringJoiner(" or ", "(", ")");
            for (String column : columns) {
                any.add("lower(" + column + ") like :q escape '" + TextSearch.ESCAPE + "'");
            }
            clauses.add(any.toString());
            params.put("q", pattern);
        }
        return this;
    }

    /** The restriction, or {@code null} when nothing restricts the query. */
    String hql() {
        return params.isEmpty() ? null : clauses.toString();
    }

    Map<String, Object> params() {
        return params;
    }
}
