package io.chargeplane.tools.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.testkit.keycloak.DemoRealm;
import io.chargeplane.tools.localstack.DemoLogins.Login;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoLoginsTest {

    @Test
    void readsEveryDemoUserOfTheShippedRealmButNoServiceAccount() {
        List<Login> logins = DemoLogins.fromRealm();
        assertEquals(DemoRealm.USERS, logins.stream().map(Login::username).toList());
        for (Login login : logins) {
            assertEquals(DemoRealm.password(login.username()), login.password());
        }
    }

    @Test
    void carriesTenantAndRoleOfEachUser() {
        List<Login> logins = DemoLogins.fromRealm();
        assertTrue(logins.contains(new Login("volt-staff", "volt-staff-demo", DemoRealm.ROLE_OPERATOR_STAFF, "volt")));
        assertTrue(logins.contains(new Login("platform-admin", "platform-admin-demo", DemoRealm.ROLE_PLATFORM_ADMIN, "")));
    }
}
