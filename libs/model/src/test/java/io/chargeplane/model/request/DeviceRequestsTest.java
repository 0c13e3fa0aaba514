package io.chargeplane.model.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargeplane.model.Fixtures;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.id.ConnectorId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceRequestsTest {

    @Test
    void eachRequestNameHasARequestAndAReplyRecord() {
        assertEquals(Set.of("authorize", "start_transaction"), DeviceRequests.names());
        assertEquals(AuthorizeRequest.class, DeviceRequests.typeFor("authorize"));
        assertEquals(StartTransactionReply.class, DeviceRequests.replyTypeFor("start_transaction"));
        assertEquals(Set.of(DeviceRequest.class.getPermittedSubclasses()),
                Set.of(DeviceRequests.typeFor("authorize"), DeviceRequests.typeFor("start_transaction")));
    }

    @Test
    void unknownRequestNameIsAClearError() {
        assertThrows(ModelValidationException.class, () -> DeviceRequests.typeFor("heartbeat"));
    }

    @Test
    void platformAssignedTransactionIdsArePositive() {
        assertEquals("transactionId: must be >= 1", assertThrows(ModelValidationException.class,
                () -> new StartTransactionReply(0, AuthorizeReply.of(AuthorizationStatus.ACCEPTED))).getMessage());
    }

    @Test
    void authorizeNeedsTheEvseOfAGivenConnector() {
        assertEquals("evse: is required when connector is given", assertThrows(ModelValidationException.class,
                () -> new AuthorizeRequest(Fixtures.anRfidToken(), null, ConnectorId.of(1))).getMessage());
    }
}
