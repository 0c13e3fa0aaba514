package io.chargeplane.charging.token;

import io.chargeplane.charging.domain.CentralIdTokens;
import io.chargeplane.charging.domain.Session;
import io.chargeplane.charging.domain.SessionMachine;
import io.chargeplane.charging.domain.TokenRecord;
import io.chargeplane.charging.persistence.SessionStore;
import io.chargeplane.charging.persistence.TokenStore;
import io.chargeplane.charging.persistence.TransactionIds;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import io.chargeplane.model.request.StartTransactionReply;
import io.chargeplane.model.request.StartTransactionRequest;
import io.chargeplane.model.session.SessionLimits;
import io.chargeplane.model.session.SessionOrigin;
import io.chargeplane.model.id.ConnectorId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/**
 * Answers device requests from the platform's own tables only (no remote call), so a reply fits well inside the
 * adapter's timeout: {@code authorize} is one primary-key lookup, {@code start_transaction} one transaction with
 * the sequence and at most two indexed session statements.
 */
@ApplicationScoped
public class DeviceRequestHandler {

    private final Pool pool;
    private final TokenStore tokens;
    private final SessionStore sessions;
    private final TransactionIds transactionIds;
    private final Clock clock;

    public DeviceRequestHandler(Pool pool, TokenStore tokens, SessionStore sessions, TransactionIds transactionIds,
                                Clock clock) {
        this.pool = pool;
        this.tokens = tokens;
        this.sessions = sessions;
        this.transactionIds = transactionIds;
        this.clock = clock;
    }

    public Uni<DeviceReply> answer(TenantId tenant, DeviceId device, DeviceRequest request) {
        return switch (request) {
            case AuthorizeRequest authorize -> authorize(tenant, device, authorize.idToken()).map(r -> r);
            case StartTransactionRequest start -> startTransaction(tenant, device, start).map(r -> r);
        };
    }

    Uni<AuthorizeReply> authorize(TenantId tenant, DeviceId device, IdToken token) {
        Instant now = clock.instant();
        if (CentralIdTokens.looksCentral(token)) {
            // A charger may authorize the token of a remote start before starting (OCPP 1.6 AuthorizeRemoteTxRequests).
            return sessions.lockStartingByToken(pool, tenant, device, token.value())
                    .flatMap(session -> session != null
                            ? Uni.createFrom().item(AuthorizeReply.of(AuthorizationStatus.ACCEPTED))
                            : tokens.find(tenant, token.value()).map(t -> TokenRecord.replyFor(t, now)));
        }
        return tokens.find(tenant, token.value()).map(t -> TokenRecord.replyFor(t, now));
    }

    Uni<StartTransactionReply> startTransaction(TenantId tenant, DeviceId device, StartTransactionRequest request) {
        Instant now = clock.instant();
        return pool.withTransaction(c -> sessions.lockStartingByToken(c, tenant, device, request.idToken().value())
                .flatMap(session -> session != null
                        ? forAppSession(c, session, tenant, device, request, now)
                        : forLocalStart(c, tenant, device, request, now)));
    }

    private Uni<StartTransactionReply> forAppSession(SqlClient c, Session session, TenantId tenant, DeviceId device,
                                                     StartTransactionRequest request, Instant now) {
        AuthorizeReply accepted = AuthorizeReply.of(AuthorizationStatus.ACCEPTED);
        return transactionIds.assign(c, tenant, device, request, accepted.status(), session.id(), now)
                .flatMap(id -> {
                    var assigned = SessionMachine.transactionAssigned(session, Long.toString(id), now);
                    return assigned.isEmpty() ? Uni.createFrom().item(id)
                            : sessions.update(c, session, assigned.get(), now).replaceWith(id);
                })
                .map(id -> new StartTransactionReply(id, accepted));
    }

    private Uni<StartTransactionReply> forLocalStart(SqlClient c, TenantId tenant, DeviceId device,
                                                     StartTransactionRequest request, Instant now) {
        return tokens.find(tenant, request.idToken().value()).flatMap(token -> {
            AuthorizeReply verdict = TokenRecord.replyFor(token, now);
            if (!verdict.status().accepted()) {
                return transactionIds.assign(c, tenant, device, request, verdict.status(), null, now)
                        .map(id -> new StartTransactionReply(id, verdict));
            }
            String sessionId = CentralIdTokens.newSessionId();
            return transactionIds.assign(c, tenant, device, request, verdict.status(), sessionId, now)
                    .flatMap(id -> {
                        Session local = localSession(sessionId, tenant, device, request.evse(), request.connector(),
                                token, Long.toString(id), now);
                        return sessions.insert(c, local, now).replaceWith(new StartTransactionReply(id, verdict));
                    });
        });
    }

    /** A session started at the charger: billed to the token's owner, no hold. */
    public static Session localSession(String sessionId, TenantId tenant, DeviceId device,
                                       io.chargeplane.model.id.EvseId evse, ConnectorId connector, TokenRecord token,
                                       String transactionId, Instant now) {
        Session s = Session.starting(sessionId, tenant, device, null, evse, connector, null, SessionOrigin.LOCAL,
                token == null ? null : token.owner(), token == null ? null : token.uid(), SessionLimits.NONE, now);
        return s.withFirstTransactionId(transactionId);
    }
}
