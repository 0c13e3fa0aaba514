package io.chargeplane.device.domain;

/** How a connector delivers energy. */
public enum PowerType {
    AC_1_PHASE,
    AC_3_PHASE,
    DC
}
