/**
 * Identifiers as single-value records, validated once at construction so that no unchecked string reaches a
 * topic, a log line or a database key. Each serializes as a plain JSON string or number.
 */
package io.chargeplane.model.id;
