/**
 * The registry's rules as plain functions: what a valid site, device and charger layout is, how paging,
 * search and versions are read from a request. No Quarkus, Vert.x or JAX-RS here, so every rule is unit-tested
 * on its own.
 */
package io.chargeplane.device.domain;
