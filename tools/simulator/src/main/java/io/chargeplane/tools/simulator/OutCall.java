package io.chargeplane.tools.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A CALL the station sends: action and payload. */
record OutCall(String action, ObjectNode payload) {
}
