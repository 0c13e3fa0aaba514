package io.chargeplane.device.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one request, then fails once with all of them. */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    public Violations check(boolean holds, String field, String message) {
        if (!holds) {
            found.add(new Violation(field, message));
        }
        return this;
    }

    /** A required text: present, not blank, at most {@code maxLength} characters. */
    public Violations requiredText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            found.add(new Violation(field, "must not be blank"));
            return this;
        }
        return optionalText(value, field, maxLength);
    }

    /** An optional text: absent, or not blank and at most {@code maxLength} characters. */
    public Violations optionalText(String value, String field, int maxLength) {
        if (value == null) {
            return this;
        }
        if (value.isBlank()) {
            found.add(new Violation(field, "must not be blank when given"));
        } else if (value.length() > maxLength) {
            found.add(new Violation(field, "must be at most " + maxLength + " characters"));
        }
        return this;
    }

    public Violations required(Object value, String field) {
        return check(value != null, field, "is required");
    }

    public Violations add(Violation violation) {
        found.add(violation);
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Throws {@link InvalidRequestException} when anything was found. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
    }
}
