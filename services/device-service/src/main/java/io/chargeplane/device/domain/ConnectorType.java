package io.chargeplane.device.domain;

/** The physical plug or socket standard of a connector. */
public enum ConnectorType {
    /** SAE J1772 / IEC 62196-2 type 1. */
    TYPE_1,
    /** IEC 62196-2 type 2 (Mennekes). */
    TYPE_2,
    /** Combined charging system with a type 1 inlet. */
    CCS_1,
    /** Combined charging system with a type 2 inlet. */
    CCS_2,
    CHADEMO,
    /** GB/T 20234.2 AC. */
    GBT_AC,
    /** GB/T 20234.3 DC. */
    GBT_DC,
    /** SAE J3400. */
    NACS,
    /** Domestic socket (CEE 7/4 and similar). */
    DOMESTIC,
    OTHER
}
