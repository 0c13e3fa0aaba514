/**
 * The CloudEvents 1.0 envelope of every canonical message and its codec. Structured mode (one JSON document,
 * content type {@code application/cloudevents+json}) is used on MQTT; binary mode ({@code ce_*} headers plus
 * JSON data) on Kafka. Types are {@code io.chargeplane.device.<event>.v1},
 * {@code io.chargeplane.command.<capability>.v1}, {@code io.chargeplane.command-result.v1},
 * {@code io.chargeplane.request.<request>.v1} and {@code io.chargeplane.reply.<request>.v1}.
 */
package io.chargeplane.model.envelope;
