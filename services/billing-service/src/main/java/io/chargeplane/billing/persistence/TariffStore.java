package io.chargeplane.billing.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargeplane.billing.api.TariffJson;
import io.chargeplane.billing.api.TariffMapper;
import io.chargeplane.billing.domain.tariff.HolidayCalendar;
import io.chargeplane.billing.domain.tariff.Tariff;
import io.chargeplane.billing.domain.tariff.TariffBook;
import io.chargeplane.billing.domain.tariff.TariffScope;
import io.chargeplane.billing.domain.tariff.TariffValidationException;
import io.chargeplane.billing.domain.tariff.TariffVersion;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tariffs, their versions and holiday calendars. A version is stored as its JSON with the holiday calendar copied
 * in, and rows of {@code tariff_versions} are append-only (a trigger refuses updates), so the version a session
 * was rated with can always be read back exactly as it was.
 */
@ApplicationScoped
public class TariffStore {

    private final Pool pool;
    private final ObjectMapper json;

    public TariffStore(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** A tariff as stored: the domain value plus its display name and row revision. */
    public record Stored(Tariff tariff, String name, long revision) {
    }

    public record Page<T>(List<T> items, long total) {
    }

    public record StoredCalendar(String tenantId, HolidayCalendar calendar, long revision) {
    }

    public Uni<Stored> create(TenantId tenant, Tariff tariff, String name, String actor) {
        return pool.withTransaction(c -> c.preparedQuery("insert into tariffs (tenant_id, id, name, site, device, connector, "
                                + "scope_key) values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning version")
                        .execute(Tuple.from(scopeColumns(tenant, tariff.id(), name, tariff.scope())))
                        .flatMap(rows -> {
                            if (rows.rowCount() == 0) {
                                throw new ProblemException(ErrorCode.CONFLICT, "tariff '" + tariff.id()
                                        + "' or another tariff with the same scope already exists");
                            }
                            return insertVersions(c, tenant, tariff.id(), tariff.versions(), actor);
                        }))
                .map(ignored -> new Stored(tariff, name, 0));
    }

    /** Changes the name and scope; the versions stay as they are. */
    public Uni<Stored> update(TenantId tenant, String id, String name, TariffScope scope) {
        return pool.withTransaction(c -> c.preparedQuery("update tariffs set name = $3, site = $4, device = $5, connector = $6, "
                                + "scope_key = $7, version = version + 1, updated_at = now() where tenant_id = $1 and id = $2 returning id")
                        .execute(Tuple.from(scopeColumns(tenant, id, name, scope)))
                        .onFailure(TariffStore::uniqueViolation).transform(e -> new ProblemException(ErrorCode.CONFLICT,
                                "another tariff of the tenant has the same scope"))
                        .flatMap(rows -> {
                            if (rows.rowCount() == 0) {
                                throw ProblemException.notFound("tariff " + id);
                            }
                            return load(c, tenant, id);
                        }));
    }

    /**
     * Appends a version. It must come after every version so far and may not take effect in the past: a session
     * that started before now could have been rated already.
     */
    public Uni<Stored> appendVersion(TenantId tenant, String id, TariffVersion next, Instant now, String actor) {
        return pool.withTransaction(c -> c.preparedQuery("select id from tariffs where tenant_id = $1 and id = $2 for update")
                .execute(Tuple.of(tenant.value(), id))
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("tariff " + id);
                    }
                    return load(c, tenant, id);
                })
                .flatMap(stored -> {
                    if (next.validFrom().isBefore(now)) {
                        throw new TariffValidationException("validFrom", "must not be in the past (" + now
                                + "): sessions may already have been rated with the version valid then");
                    }
                    Tariff appended = stored.tariff().withVersion(next);
                    return insertVersions(c, tenant, id, List.of(next), actor)
                            .replaceWith(new Stored(appended, stored.name(), stored.revision()));
                }));
    }

    public Uni<Stored> get(TenantId only, String id) {
        return pool.withConnection(c -> load(c, only, id));
    }

    public Uni<Page<Stored>> list(TenantId only, int page, int size) {
        return pool.withConnection(c -> c.preparedQuery("select count(*) from tariffs where ($1::text is null or tenant_id = $1)")
                .execute(Tuple.of(only == null ? null : only.value()))
                .flatMap(count -> c.preparedQuery("select * from tariffs where ($1::text is null or tenant_id = $1) "
                                + "order by tenant_id, id limit $2 offset $3")
                        .execute(Tuple.of(only == null ? null : only.value(), size, page * size))
                        .flatMap(rows -> withVersions(c, rows))
                        .map(items -> new Page<>(items, count.iterator().next().getLong(0)))));
    }

    /** Every tariff of the tenant, read per call so that every instance rates with what is stored now. */
    public Uni<TariffBook> book(SqlClient c, TenantId tenant) {
        return c.preparedQuery("select * from tariffs where tenant_id = $1").execute(Tuple.of(tenant.value()))
                .flatMap(rows -> withVersions(c, rows))
                .map(all -> new TariffBook(all.stream().map(Stored::tariff).toList()));
    }

    public Uni<TariffBook> book(TenantId tenant) {
        return book(pool, tenant);
    }

    // --- holiday calendars

    public Uni<StoredCalendar> createCalendar(TenantId tenant, HolidayCalendar calendar) {
        return pool.preparedQuery("insert into holiday_calendars (tenant_id, name, holidays, workdays) values ($1, $2, $3, $4) on conflict do nothing returning *")
                .execute(calendarTuple(tenant, calendar))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new ProblemException(ErrorCode.CONFLICT, "calendar '" + calendar.name() + "' already exists");
                    }
                    return calendar(rows.iterator().next());
                });
    }

    /** Replaces a calendar's dates. Versions that copied it keep the dates they copied. */
    public Uni<StoredCalendar> replaceCalendar(TenantId tenant, HolidayCalendar calendar) {
        return pool.preparedQuery("update holiday_calendars set holidays = $3, workdays = $4, version = version + 1, "
                        + "updated_at = now() where tenant_id = $1 and name = $2 returning *")
                .execute(calendarTuple(tenant, calendar))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("calendar " + calendar.name());
                    }
                    return calendar(rows.iterator().next());
                });
    }

    public Uni<StoredCalendar> calendar(TenantId only, String name) {
        return pool.preparedQuery("select * from holiday_calendars where ($1::text is null or tenant_id = $1) and name = $2")
                .execute(Tuple.of(only == null ? null : only.value(), name))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("calendar " + name);
                    }
                    return calendar(rows.iterator().next());
                });
    }

    public Uni<List<StoredCalendar>> calendars(TenantId only) {
        return pool.preparedQuery("select * from holiday_calendars where ($1::text is null or tenant_id = $1) order by tenant_id, name")
                .execute(Tuple.of(only == null ? null : only.value()))
                .map(rows -> {
                    List<StoredCalendar> all = new ArrayList<>();
                    rows.forEach(r -> all.add(calendar(r)));
                    return all;
                });
    }

    // --- rows

    private Uni<Void> insertVersions(SqlConnection c, TenantId tenant, String id, List<TariffVersion> versions, String actor) {
        List<Tuple> rows = new ArrayList<>();
        for (TariffVersion v : versions) {
            rows.add(Tuple.from(List.of(tenant.value(), id, v.version(), v.validFrom().atOffset(java.time.ZoneOffset.UTC),
                    new io.vertx.core.json.JsonObject(write(TariffMapper.toJson(v))), actor)));
        }
        return c.preparedQuery("insert into tariff_versions (tenant_id, tariff_id, version, valid_from, body, created_by) "
                + "values ($1, $2, $3, $4, $5, $6)").executeBatch(rows).replaceWithVoid();
    }

    private Uni<Stored> load(SqlClient c, TenantId only, String id) {
        return c.preparedQuery("select * from tariffs where ($1::text is null or tenant_id = $1) and id = $2")
                .execute(Tuple.of(only == null ? null : only.value(), id))
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("tariff " + id);
                    }
                    return withVersions(c, rows).map(list -> list.get(0));
                });
    }

    private Uni<List<Stored>> withVersions(SqlClient c, RowSet<Row> tariffs) {
        List<Row> heads = new ArrayList<>();
        tariffs.forEach(heads::add);
        if (heads.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] tenants = heads.stream().map(r -> r.getString("tenant_id")).distinct().toArray(String[]::new);
        return c.preparedQuery("select * from tariff_versions where tenant_id = any($1) order by tenant_id, tariff_id, version")
                .execute(Tuple.of(tenants))
                .map(rows -> {
                    Map<String, List<TariffVersion>> versions = new LinkedHashMap<>();
                    rows.forEach(r -> versions.computeIfAbsent(r.getString("tenant_id") + "/" + r.getString("tariff_id"),
                            k -> new ArrayList<>()).add(TariffMapper.version(read(r.getJsonObject("body").encode()), "")));
                    List<Stored> result = new ArrayList<>();
                    for (Row head : heads) {
                        TenantId tenant = TenantId.of(head.getString("tenant_id"));
                        Integer connector = head.getInteger("connector") ;
                        TariffScope scope = TariffMapper.scope(tenant, head.getString("site") == null ? null
                                : new TariffJson.Scope(head.getString("site"), head.getString("device"), connector));
                        String id = head.getString("id");
                        result.add(new Stored(new Tariff(id, scope, versions.getOrDefault(tenant.value() + "/" + id, List.of())),
                                head.getString("name"), head.getLong("version")));
                    }
                    return result;
                });
    }

    private static List<Object> scopeColumns(TenantId tenant, String id, String name, TariffScope scope) {
        List<Object> values = new ArrayList<>();
        values.add(tenant.value());
        values.add(id);
        values.add(name);
        values.add(scope.site());
        values.add(scope.device() == null ? null : scope.device().value());
        values.add(scope.connector() == null ? null : scope.connector().value());
        values.add(String.join("|", scope.site() == null ? "" : scope.site(),
                scope.device() == null ? "" : scope.device().value(),
                scope.connector() == null ? "" : Integer.toString(scope.connector().value())));
        return values;
    }

    private Tuple calendarTuple(TenantId tenant, HolidayCalendar calendar) {
        TariffJson.Calendar json = TariffMapper.calendarJson(calendar, null);
        // JSON values go in as Vert.x JSON types: a Java string bound to jsonb would be stored as a JSON string
        return Tuple.of(tenant.value(), calendar.name(), new io.vertx.core.json.JsonArray(json.holidays()),
                new io.vertx.core.json.JsonArray(json.workdays()));
    }

    private StoredCalendar calendar(Row r) {
        TariffJson.Calendar json = new TariffJson.Calendar(r.getString("name"), strings(r.getValue("holidays")),
                strings(r.getValue("workdays")), null);
        return new StoredCalendar(r.getString("tenant_id"), TariffMapper.calendar(json, ""), r.getLong("version"));
    }

    private static List<String> strings(Object jsonArray) {
        List<String> values = new ArrayList<>();
        ((io.vertx.core.json.JsonArray) jsonArray).forEach(v -> values.add(v.toString()));
        return values;
    }

    private static boolean uniqueViolation(Throwable e) {
        return e instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private TariffJson.Version read(String body) {
        try {
            return json.readValue(body, TariffJson.Version.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tariff version cannot be read", e);
        }
    }
}
