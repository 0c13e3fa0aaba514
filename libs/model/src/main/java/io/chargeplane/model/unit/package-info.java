/**
 * Physical quantities and money as integer base units with the unit in every name, so that no reading is
 * ever a bare number of unknown scale and no sum ever rounds.
 */
package io.chargeplane.model.unit;
