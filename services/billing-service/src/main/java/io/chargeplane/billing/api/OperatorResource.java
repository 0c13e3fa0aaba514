package io.chargeplane.billing.api;

import io.chargeplane.billing.config.BillingConfig;
import io.chargeplane.billing.domain.ledger.Postings;
import io.chargeplane.billing.persistence.LedgerStore;
import io.chargeplane.billing.persistence.WalletStore;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operator's view of its tenant's wallets and ledger. */
@Path("/api/v1")
@Tag(name = "Wallets (operator)", description = "Wallets of the tenant, adjustments, credit limits, trial balance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorResource {

    private final Caller caller;
    private final WalletStore wallets;
    private final LedgerStore ledger;
    private final Mutations mutations;
    private final BillingConfig config;

    public OperatorResource(Caller caller, WalletStore wallets, LedgerStore ledger, Mutations mutations, BillingConfig config) {
        this.caller = caller;
        this.wallets = wallets;
        this.ledger = ledger;
        this.mutations = mutations;
        this.config = config;
    }

    @GET
    @Path("/wallets")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Wallets of the tenant", description = "Every wallet that ever moved, lowest available "
            + "balance first; a platform admin sees all tenants unless it names one in X-Chargeplane-Tenant.")
    public Uni<Dtos.Page<Dtos.Wallet>> list(@Parameter(description = "Page number, from 0") @QueryParam("page") String page,
                                           @Parameter(description = "Page size") @QueryParam("size") String size) {
        TenantId only = caller.context().scope().restrictedTo();
        Params.Paging paging = Params.paging(page, size, config);
        return wallets.wallets(only, paging.page(), paging.size())
                .map(p -> new Dtos.Page<>(p.items().stream().map(Dtos.Wallet::of).toList(), paging.page(), paging.size(), p.total()));
    }

    @GET
    @Path("/wallets/{owner}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A driver's wallet", description = "Balances of one wallet of the tenant in one currency; "
            + "a wallet that never moved reads as zero.")
    public Uni<Dtos.Wallet> wallet(@PathParam("owner") String owner,
                                   @Parameter(description = "ISO 4217 currency") @QueryParam("currency") String currency) {
        TenantId tenant = caller.context().requireTenant();
        return wallets.wallet(tenant, Params.text(owner, "owner", 200), Params.currency(currency, config)).map(Dtos.Wallet::of);
    }

    @POST
    @Path("/wallets/{owner}/adjustments")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Adjust a wallet", description = "Credits (positive amount) or debits (negative) a driver's "
            + "wallet through the adjustments account, once per reference (business key adjustment:<reference>). "
            + "A debit beyond the credit limit is refused (422, code insufficient_funds). Needs an "
            + "Idempotency-Key.")
    public Uni<Response> adjust(@PathParam("owner") String owner, @HeaderParam(IdempotentRequests.HEADER) String key,
                                Dtos.Adjustment body) {
        TenantId tenant = caller.context().requireTenant();
        return mutations.run(tenant.value(), caller.subject(), "POST /api/v1/wallets/" + owner + "/adjustments", key, body, () -> {
            if (body == null) {
                throw ProblemException.invalidField("body", "is required");
            }
            String reference = Params.text(body.reference(), "reference", 120);
            Params.text(body.reason(), "reason", 500);
            Dtos.Amount given = body.amount();
            if (given == null || given.minorUnits() == null || given.minorUnits() == 0) {
                throw ProblemException.invalidField("amount.minorUnits", "is required and not zero");
            }
            Money magnitude = Params.money(new Dtos.Amount(Math.abs(given.minorUnits()), given.currency()), "amount", true);
            Money amount = Money.ofMinor(given.minorUnits(), magnitude.currency());
            String wallet = Params.text(owner, "owner", 200);
            return ledger.post(tenant, Postings.adjustment(wallet + ":" + reference, wallet, amount), caller.subject())
                    .flatMap(posted -> wallets.wallet(tenant, owner, amount.currency().getCurrencyCode()))
                    .map(w -> Response.ok(Dtos.Wallet.of(w), MediaType.APPLICATION_JSON_TYPE).build());
        });
    }

    @PUT
    @Path("/wallets/{owner}/credit-limit")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Set a wallet's credit limit", description = "How far below zero the available balance may "
            + "go for holds and captures. Lowering it never takes money away. Needs an Idempotency-Key.")
    public Uni<Response> creditLimit(@PathParam("owner") String owner, @HeaderParam(IdempotentRequests.HEADER) String key,
                                     Dtos.CreditLimit body) {
        TenantId tenant = caller.context().requireTenant();
        return mutations.run(tenant.value(), caller.subject(), "PUT /api/v1/wallets/" + owner + "/credit-limit", key, body, () -> {
            if (body == null || body.limitMinorUnits() == null) {
                throw ProblemException.invalidField("limitMinorUnits", "is required");
            }
            if (body.limitMinorUnits() < 0) {
                throw ProblemException.invalidField("limitMinorUnits", "must not be negative");
            }
            return wallets.setCreditLimit(tenant, Params.text(owner, "owner", 200), Params.currency(body.currency(), config),
                            body.limitMinorUnits())
                    .map(w -> Response.ok(Dtos.Wallet.of(w), MediaType.APPLICATION_JSON_TYPE).build());
        });
    }

    @GET
    @Path("/ledger/trial-balance")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Trial balance", description = "Per tenant and currency: the balance of each account type "
            + "with its debits and credits; balanced is true when all debits equal all credits (signedSum zero).")
    public Uni<List<Dtos.TrialBalance>> trialBalance() {
        TenantId only = caller.context().scope().restrictedTo();
        return wallets.trialBalance(only).map(lines -> {
            Map<String, List<WalletStore.TrialLine>> groups = new LinkedHashMap<>();
            lines.forEach(l -> groups.computeIfAbsent(l.tenantId() + "|" + l.currency(), k -> new ArrayList<>()).add(l));
            return groups.values().stream().map(group -> {
                long debits = group.stream().mapToLong(WalletStore.TrialLine::debits).sum();
                long credits = group.stream().mapToLong(WalletStore.TrialLine::credits).sum();
                long signed = group.stream().mapToLong(WalletStore.TrialLine::signedBalance).sum();
                return new Dtos.TrialBalance(group.getFirst().tenantId(), group.getFirst().currency(), group, debits,
                        credits, signed, debits == credits && signed == 0);
            }).toList();
        });
    }
}
