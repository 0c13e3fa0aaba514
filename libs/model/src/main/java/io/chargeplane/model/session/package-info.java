/**
 * The charging-session contract between charging-service, which owns sessions, and the services that follow
 * them (billing rates completed sessions, settlement reconciles them, open APIs report them).
 *
 * <p>Every state change of a session is one {@link ChargingSessionChanged} on the Kafka topic
 * {@link SessionTopics#SESSIONS}, keyed {@code tenant:sessionId} so that one session's changes stay in order on
 * one partition. A consumer must be idempotent on {@link ChargingSessionChanged#eventId()}: the outbox
 * publishes at least once.
 */
package io.chargeplane.model.session;
