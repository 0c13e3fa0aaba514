package io.chargeplane.testkit.it;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A protected endpoint that proves quarkus-oidc accepts the test Keycloak's tokens. */
@Path("/secured")
@Produces(MediaType.TEXT_PLAIN)
public class SecuredResource {

    @Inject
    JsonWebToken token;

    /** Only service accounts: answers with the calling client. */
    @GET
    @Path("/service")
    @RolesAllowed("service")
    public String service() {
        return token.getClaim("azp");
    }

    /** Any authenticated caller: answers with its tenant claim, empty when it has none. */
    @GET
    @Path("/tenant")
    @Authenticated
    public String tenant() {
        String tenant = token.getClaim("tenant");
        return tenant == null ? "" : tenant;
    }
}
