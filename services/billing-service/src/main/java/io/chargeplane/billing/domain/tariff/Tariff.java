package io.chargeplane.billing.domain.tariff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A tariff with its version history, oldest first. Versions are never edited in place: a change is a new
 * version with a later {@code validFrom}, and a session uses the version valid at its start.
 *
 * @param id e.g. {@code shanghai-standard}
 */
public record Tariff(String id, TariffScope scope, List<TariffVersion> versions) {

    public Tariff {
        Check.code(id, "id");
        Check.present(scope, "scope");
        versions = List.copyOf(Check.present(versions, "versions"));
        Check.that(!versions.isEmpty(), "versions", "must hold at least one version");
        for (int i = 1; i < versions.size(); i++) {
            TariffVersion previous = versions.get(i - 1);
            TariffVersion current = versions.get(i);
            Check.that(current.version() > previous.version(), "versions[" + i + "].version",
                    "must be above " + previous.version() + ", was " + current.version());
            Check.that(current.validFrom().isAfter(previous.validFrom()), "versions[" + i + "].validFrom",
                    "must be after " + previous.validFrom() + ", was " + current.validFrom());
        }
    }

    /** The version a session that started at {@code sessionStart} is rated with; empty before the first one. */
    public Optional<TariffVersion> versionAt(Instant sessionStart) {
        TariffVersion found = null;
        for (TariffVersion version : versions) {
            if (version.validFrom().isAfter(sessionStart)) {
                break;
            }
            found = version;
        }
        return Optional.ofNullable(found);
    }

    /** A new tariff value with {@code next} appended; refused unless it is later than every existing version. */
    public Tariff withVersion(TariffVersion next) {
        List<TariffVersion> all = new java.util.ArrayList<>(versions);
        all.add(next);
        return new Tariff(id, scope, all);
    }
}
