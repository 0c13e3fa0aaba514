package io.chargeplane.billing.api;

import io.chargeplane.billing.config.BillingConfig;
import io.chargeplane.billing.persistence.WalletStore;
import io.chargeplane.billing.service.TopUps;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.unit.Money;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.chargeplane.platform.tenant.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** The driver's own wallet: balance, entries and top-ups. */
@Path("/api/v1/wallet")
@Tag(name = "My wallet", description = "The calling driver's wallet")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DRIVER)
public class WalletResource {

    private final Caller caller;
    private final WalletStore wallets;
    private final TopUps topUps;
    private final Mutations mutations;
    private final BillingConfig config;

    public WalletResource(Caller caller, WalletStore wallets, TopUps topUps, Mutations mutations, BillingConfig config) {
        this.caller = caller;
        this.wallets = wallets;
        this.topUps = topUps;
        this.mutations = mutations;
        this.config = config;
    }

    @GET
    @Operation(summary = "My wallet", description = "Available and held balance, credit limit and what a new "
            + "session may still hold, in one currency (default chargeplane.billing.default-currency).")
    public Uni<Dtos.Wallet> wallet(@Parameter(description = "ISO 4217 currency") @QueryParam("currency") String currency) {
        TenantId tenant = caller.context().requireTenant();
        return wallets.wallet(tenant, caller.subject(), Params.currency(currency, config)).map(Dtos.Wallet::of);
    }

    @GET
    @Path("/entries")
    @Operation(summary = "My wallet's entries", description = "Ledger entries on my available and held balances, "
            + "newest first, each with the posting's business key and the balance after it.")
    public Uni<Dtos.Page<Dtos.Entry>> entries(@QueryParam("currency") String currency,
                                             @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
                                             @Parameter(description = "Page size") @QueryParam("size") String size) {
        TenantId tenant = caller.context().requireTenant();
        Params.Paging paging = Params.paging(page, size, config);
        return wallets.entries(tenant, caller.subject(), Params.currency(currency, config), paging.page(), paging.size())
                .map(p -> new Dtos.Page<>(p.items().stream().map(Dtos.Entry::of).toList(), paging.page(), paging.size(), p.total()));
    }

    @POST
    @Path("/top-ups")
    @Operation(summary = "Top up my wallet", description = "Starts a payment on a channel (e.g. sandbox) and returns "
            + "it PENDING with the channel's data for the payer. The wallet is credited once the channel confirms. "
            + "Needs an Idempotency-Key.")
    public Uni<Response> topUp(@HeaderParam(IdempotentRequests.HEADER) String key, Dtos.TopUp body) {
        TenantId tenant = caller.context().requireTenant();
        String owner = caller.subject();
        return mutations.run(tenant.value(), owner, "POST /api/v1/wallet/top-ups", key, body, () -> {
            if (body == null) {
                throw ProblemException.invalidField("body", "is required");
            }
            Money amount = Params.money(body.amount(), "amount", true);
            if (amount.minorUnits() < config.topUp().minMinor() || amount.minorUnits() > config.topUp().maxMinor()) {
                throw ProblemException.invalidField("amount.minorUnits", "must be between " + config.topUp().minMinor()
                        + " and " + config.topUp().maxMinor());
            }
            return topUps.start(tenant, owner, body.channel(), amount)
                    .map(p -> Response.created(URI.create("/api/v1/payments/" + p.id())).entity(Dtos.Payment.of(p))
                            .type(MediaType.APPLICATION_JSON_TYPE).build());
        });
    }
}
