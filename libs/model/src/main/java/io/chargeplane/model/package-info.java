/**
 * The canonical Chargeplane device model, shared by every protocol adapter and service.
 *
 * <p>Device protocols (OCPP 1.6J/2.0.1/2.1, YKC, vendor MQTT and clouds) end at their adapter; from there on
 * only these types travel, on the MQTT device bus as structured CloudEvents JSON and on Kafka in CloudEvents
 * binary mode. Everything here is plain Java 21 plus Jackson: no framework may be imported, so that the
 * same classes serve adapters, services, tools and tests.
 *
 * <p>Native images: the codec binds records through Jackson reflection. The jar ships
 * {@code META-INF/native-image/io.chargeplane/chargeplane-model/reflect-config.json}, which GraalVM reads on
 * its own, registering every model record and enum; {@code ReflectionConfigTest} fails when a model type is
 * added without being listed there. No class is generated at run time.
 */
package io.chargeplane.model;
