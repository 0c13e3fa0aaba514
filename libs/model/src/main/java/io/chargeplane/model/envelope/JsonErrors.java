package io.chargeplane.model.envelope;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.chargeplane.model.ModelValidationException;
import java.util.Arrays;
import java.util.List;

/**
 * Turns Jackson's failures into {@link ModelValidationException}s whose field is the JSON path of the
 * offending value ({@code data.rateBuckets[1].energy}), so that a device vendor or an operator can read the
 * message and fix the input without a stack trace.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    static ModelValidationException translate(JacksonException e, String prefix) {
        if (e instanceof JsonMappingException mapping) {
            String path = join(prefix, render(mapping.getPath()));
            ModelValidationException model = findModelError(e);
            if (model != null) {
                return model.under(path);
            }
            return new ModelValidationException(path.isEmpty() ? "body" : path, describe(mapping), e);
        }
        if (e instanceof StreamReadException read && read.getLocation() != null) {
            return new ModelValidationException(prefix.isEmpty() ? "body" : prefix, "malformed JSON at line "
                    + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr() + ": "
                    + read.getOriginalMessage(), e);
        }
        return new ModelValidationException(prefix.isEmpty() ? "body" : prefix, "malformed JSON: " + e.getOriginalMessage(), e);
    }

    private static ModelValidationException findModelError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ModelValidationException model) {
                return model;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            String expected = target != null && target.isEnum()
                    ? "one of " + Arrays.toString(target.getEnumConstants())
                    : target != null ? "a " + target.getSimpleName() : "another value";
            return "invalid value '" + format.getValue() + "' (expected " + expected + ")";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "wrong JSON type (expected a " + mismatch.getTargetType().getSimpleName() + ")";
        }
        String message = e.getOriginalMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }

    static String render(List<JsonMappingException.Reference> path) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                text.append('[').append(reference.getIndex()).append(']');
            }
        }
        return text.toString();
    }

    static String join(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        if (path.isEmpty()) {
            return prefix;
        }
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }
}
