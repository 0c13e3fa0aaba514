package io.chargeplane.bridge.ocpp.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.event.MeterContext;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.event.TransactionRef;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.unit.Current;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Power;
import io.chargeplane.model.unit.Voltage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OCPP meterValue arrays (1.6: decimal strings with a unit; 2.0.1: JSON numbers with a unit of measure
 * and a power-of-ten multiplier) into canonical readings.
 *
 * <p>Energy is converted exactly: {@code "12345.6"} Wh is 12,345,600 mWh, {@code 12.345678} kWh is
 * 12,345,678 mWh; a register finer than 1 mWh is refused ({@link UntranslatableException}) rather than
 * rounded, because rounding would make per-rate buckets and invoices disagree with the meter. Power, current
 * and voltage are informative and are rounded to the model's unit (W, mA, mV, half-even). Only the
 * outlet-side readings (no location, or {@code Outlet}) count; phase readings are used only when no
 * phase-less reading of the same measurand exists, and then the first phase reported.
 */
final class MeterReadings {

    /** The canonical content of one OCPP meterValue element. Unit fields are null when not reported. */
    record Reading(Instant timestamp, Energy energy, Power power, Current current, Voltage voltage, Integer soc,
                   MeterContext context) {

        MeterSample toSample(EvseId evse, ConnectorId connector, TransactionRef transaction) {
            return new MeterSample(evse, connector, transaction, timestamp, energy, power, current, voltage, soc,
                    context);
        }
    }

    enum Flavor { OCPP16, OCPP201 }

    private MeterReadings() {
    }

    static List<Reading> read(JsonNode meterValues, Flavor flavor) {
        List<Reading> readings = new ArrayList<>();
        if (meterValues == null) {
            return readings;
        }
        for (int i = 0; i < meterValues.size(); i++) {
            readings.add(readOne(meterValues.get(i), flavor, "$.meterValue[" + i + "]"));
        }
        return readings;
    }

    /** The newest energy register among the readings, preferring a Transaction.End reading. */
    static Energy finalRegister(List<Reading> readings) {
        Energy last = null;
        for (Reading reading : readings) {
            if (reading.energy() != null) {
                if (reading.context() == MeterContext.TRANSACTION_END) {
                    return reading.energy();
                }
                last = reading.energy();
            }
        }
        return last;
    }

    /** The first energy register among the readings, preferring a Transaction.Begin reading. */
    static Energy initialRegister(List<Reading> readings) {
        Energy first = null;
        for (Reading reading : readings) {
            if (reading.energy() != null) {
                if (reading.context() == MeterContext.TRANSACTION_BEGIN) {
                    return reading.energy();
                }
                if (first == null) {
                    first = reading.energy();
                }
            }
        }
        return first;
    }

    private static Reading readOne(JsonNode meterValue, Flavor flavor, String path) {
        Instant timestamp = Payloads.instant(meterValue, "timestamp");
        JsonNode sampled = meterValue.get("sampledValue");
        Energy energy = null;
        Power power = null;
        Current current = null;
        Voltage voltage = null;
        Integer soc = null;
        MeterContext context = null;
        boolean currentPhaseless = false;
        for (int j = 0; j < sampled.size(); j++) {
            JsonNode value = sampled.get(j);
            String where = path + ".sampledValue[" + j + "]";
            if ("SignedData".equals(Payloads.text(value, "format")) || !outlet(value)) {
                continue;
            }
            String measurand = orDefault(Payloads.text(value, "measurand"), "Energy.Active.Import.Register");
            BigDecimal amount = amount(value, flavor, where);
            String unit = unit(value, flavor);
            boolean phaseless = value.get("phase") == null;
            switch (measurand) {
                case "Energy.Active.Import.Register" -> {
                    if (energy == null || phaseless) {
                        energy = energy(amount, unit, where);
                        context = context(Payloads.text(value, "context"));
                    }
                }
                case "Power.Active.Import" -> {
                    if (power == null || phaseless) {
                        power = Power.ofWatts(scaled(amount, unit, "kW", "W", where).setScale(0, RoundingMode.HALF_EVEN)
                                .longValueExact());
                    }
                }
                case "Current.Import" -> {
                    if (current == null || (phaseless && !currentPhaseless)) {
                        current = Current.ofAmperes(amount.setScale(3, RoundingMode.HALF_EVEN));
                        currentPhaseless = phaseless;
                    }
                }
                case "Voltage" -> {
                    if (voltage == null || phaseless) {
                        voltage = Voltage.ofVolts(amount.setScale(3, RoundingMode.HALF_EVEN).abs());
                    }
                }
                case "SoC" -> soc = Math.max(0, Math.min(100, amount.setScale(0, RoundingMode.HALF_UP).intValue()));
                default -> {
                    // Other measurands (reactive energy, frequency, temperature, offered limits) have no home
                    // in the canonical sample; they are left out on purpose.
                }
            }
            if (context == null && energy == null) {
                context = context(Payloads.text(value, "context"));
            }
        }
        return new Reading(timestamp, energy, power, current, voltage, soc,
                context == null ? MeterContext.SAMPLE_PERIODIC : context);
    }

    private static boolean outlet(JsonNode value) {
        String location = Payloads.text(value, "location");
        return location == null || "Outlet".equals(location) || "EV".equals(location)
                && "SoC".equals(Payloads.text(value, "measurand"));
    }

    private static BigDecimal amount(JsonNode value, Flavor flavor, String where) {
        JsonNode raw = value.get("value");
        BigDecimal amount;
        if (flavor == Flavor.OCPP16) {
            try {
                amount = new BigDecimal(raw.asText().trim());
            } catch (NumberFormatException e) {
                throw new UntranslatableException(where + ".value: '" + raw.asText() + "' is not a decimal number");
            }
        } else {
            amount = raw.decimalValue();
            JsonNode unitOfMeasure = value.get("unitOfMeasure");
            Integer multiplier = unitOfMeasure == null ? null : Payloads.integer(unitOfMeasure, "multiplier");
            if (multiplier != null && multiplier != 0) {
                amount = amount.scaleByPowerOfTen(multiplier);
            }
        }
        return amount;
    }

    private static String unit(JsonNode value, Flavor flavor) {
        if (flavor == Flavor.OCPP16) {
            return Payloads.text(value, "unit");
        }
        JsonNode unitOfMeasure = value.get("unitOfMeasure");
        return unitOfMeasure == null ? null : Payloads.text(unitOfMeasure, "unit");
    }

    private static Energy energy(BigDecimal amount, String unit, String where) {
        if (amount.signum() < 0) {
            throw new UntranslatableException(where + ".value: an energy register cannot be negative");
        }
        try {
            return "kWh".equals(unit) ? Energy.ofKwh(amount) : Energy.ofWh(requireUnit(amount, unit, "Wh", where));
        } catch (ModelValidationException e) {
            throw new UntranslatableException(where + ".value: " + amount.toPlainString() + " " + orDefault(unit, "Wh")
                    + " is finer than 1 mWh or out of range; registers are never rounded");
        }
    }

    /** Converts the large unit to the base unit; the default unit is the base unit. */
    private static BigDecimal scaled(BigDecimal amount, String unit, String large, String base, String where) {
        if (large.equals(unit)) {
            return amount.movePointRight(3);
        }
        return requireUnit(amount, unit, base, where);
    }

    private static BigDecimal requireUnit(BigDecimal amount, String unit, String base, String where) {
        if (unit != null && !unit.equals(base)) {
            throw new UntranslatableException(where + ".unit: " + unit + " does not fit the measurand (" + base + ")");
        }
        return amount;
    }

    static MeterContext context(String context) {
        if (context == null) {
            return null;
        }
        return switch (context) {
            case "Sample.Periodic" -> MeterContext.SAMPLE_PERIODIC;
            case "Sample.Clock" -> MeterContext.SAMPLE_CLOCK;
            case "Transaction.Begin" -> MeterContext.TRANSACTION_BEGIN;
            case "Transaction.End" -> MeterContext.TRANSACTION_END;
            case "Interruption.Begin" -> MeterContext.INTERRUPTION_BEGIN;
            case "Interruption.End" -> MeterContext.INTERRUPTION_END;
            case "Trigger" -> MeterContext.TRIGGER;
            default -> MeterContext.OTHER;
        };
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
