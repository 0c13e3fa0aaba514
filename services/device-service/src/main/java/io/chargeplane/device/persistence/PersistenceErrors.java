package io.chargeplane.device.persistence;

import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemDetail;
import io.chargeplane.platform.error.ProblemException;
import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import java.util.List;
import java.util.Map;

/**
 * Translates what the database refuses into problems a client can act on: a unique violation names the
 * field that is taken, a lost optimistic-lock race is a version conflict.
 */
public final class PersistenceErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    /** Constraint names of V1__registry.sql and the request field each one guards. */
    private static final Map<String, String> UNIQUE_FIELDS = Map.of(
            "tenants_pkey", "id",
            "sites_name_key", "name",
            "devices_identity_key", "identity",
            "devices_serial_key", "serialNumber",
            "evses_number_key", "evses",
            "connectors_number_key", "evses");

    private PersistenceErrors() {
    }

    public static Throwable translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException) {
                return t;
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return versionConflict(t);
            }
            String state = null;
            String constraint = null;
            if (t instanceof PgException pg) {
                state = pg.getSqlState();
                constraint = pg.getConstraint();
            } else if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                state = violation.getSQLState();
                constraint = violation.getConstraintName();
            }
            if (UNIQUE_VIOLATION.equals(state)) {
                return taken(constraint, t);
            }
            if (FOREIGN_KEY_VIOLATION.equals(state)) {
                return new ProblemException(ErrorCode.CONFLICT,
                        "the change would break a reference between registry entries", List.of(), t);
            }
        }
        return failure;
    }

    public static ProblemException versionConflict(Throwable cause) {
        return new ProblemException(ErrorCode.CONFLICT,
                "the resource was changed by someone else: read it again and retry with its new ETag",
                List.of(new ProblemDetail.FieldError("version", "does not match the stored version")), cause);
    }

    private static ProblemException taken(String constraint, Throwable cause) {
        String field = constraint == null ? null : UNIQUE_FIELDS.get(constraint.toLowerCase(java.util.Locale.ROOT));
        if (field == null) {
            return new ProblemException(ErrorCode.CONFLICT, "an equal entry already exists", List.of(), cause);
        }
        return new ProblemException(ErrorCode.CONFLICT, field + ": is already taken",
                List.of(new ProblemDetail.FieldError(field, "is already taken")), cause);
    }
}
