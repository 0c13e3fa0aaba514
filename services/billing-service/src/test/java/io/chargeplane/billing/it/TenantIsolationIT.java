package io.chargeplane.billing.it;

import io.chargeplane.testkit.api.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.chargeplane.billing.it.Api.PROBLEM;
import static io.chargeplane.billing.it.Api.TENANT_HEADER;
import static io.chargeplane.billing.it.Api.as;
import static io.chargeplane.billing.it.Api.change;
import static io.chargeplane.billing.it.Api.cny;
import static io.chargeplane.billing.it.Api.service;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every endpoint, one row each: acme's users (and the service account acting for acme) can neither read nor
 * change volt's wallets, payments and holds; a driver is refused everywhere but its own wallet and payments; staff
 * only read; internal hold endpoints take service accounts only. The table is checked against the generated
 * OpenAPI document, so an endpoint added without a row here fails the build.
 */
@QuarkusTest
@TestProfile(BillingServiceProfile.class)
class TenantIsolationIT {

    /** Who an endpoint is for. */
    enum Audience { DRIVER, DRIVER_AND_OPERATOR, OPERATOR, SERVICE, CHANNEL }

    /** Volt's data that acme callers aim at. */
    record Volt(String driverOwner, String holdId, String paymentId, long available, String tariffId, String site,
                String calendar, String sessionId) {
    }

    record Endpoint(String method, String path, Audience audience, Consumer<Volt> crossTenant,
                    BiFunction<RequestSpecification, Volt, Response> call) {

        boolean mutates() {
            // the preview rates a hypothetical session: a POST that changes nothing, open to staff
            return !method.equals("GET") && !path.endsWith("/preview");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static Volt volt;

    @Inject
    Pool pool;

    @BeforeEach
    void voltData() {
        if (volt != null) {
            return;
        }
        String owner = Api.owner("volt-driver");
        Api.fund("volt-admin", "volt-driver", 10_000);
        String hold = Api.hold("volt", "volt-driver", Api.unique("volt-session"), 1_000);
        String payment = change("volt-driver").body(Map.of("amount", cny(2_099), "channel", "sandbox"))
                .post("/api/v1/wallet/top-ups").then().statusCode(201).extract().path("id");
        String site = Api.unique("volt-site");
        String tariff = Api.unique("volt-tariff").toLowerCase();
        change("volt-admin").body(Tariffs.twoRate(tariff, site)).post("/api/v1/tariffs").then().statusCode(201);
        String calendar = Api.unique("volt-cal").toLowerCase();
        change("volt-admin").body(Map.of("name", calendar, "holidays", List.of("2026-10-01"), "workdays", List.of()))
                .post("/api/v1/holiday-calendars").then().statusCode(201);
        // rated at a site without tariff: a receipt (NOT_RATED) that moves no money
        SessionEvents.Session session = SessionEvents.session("volt", Api.unique("volt-untariffed"), owner, null,
                SessionBillingIT.START, SessionBillingIT.END, 1_000);
        SessionEvents.sendAll(session.lifecycle());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                as("volt-driver").get("/api/v1/receipts/" + session.sessionId()).then().statusCode(200));
        volt = new Volt(owner, hold, payment, Api.available("volt-driver"), tariff, site, calendar, session.sessionId());
    }

    @AfterEach
    void ledgerSumsToZero() {
        LedgerInvariant.check(pool);
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("GET", "/api/v1/wallet", Audience.DRIVER, TenantIsolationIT::walletIsOwnTenants,
                        (s, v) -> s.get("/api/v1/wallet")),
                new Endpoint("GET", "/api/v1/wallet/entries", Audience.DRIVER, TenantIsolationIT::entriesAreOwn,
                        (s, v) -> s.get("/api/v1/wallet/entries")),
                new Endpoint("POST", "/api/v1/wallet/top-ups", Audience.DRIVER, TenantIsolationIT::cannotTopUpForOtherTenant,
                        (s, v) -> s.body(Map.of("amount", cny(1_099), "channel", "sandbox")).post("/api/v1/wallet/top-ups")),
                new Endpoint("GET", "/api/v1/payments/{paymentId}", Audience.DRIVER_AND_OPERATOR,
                        TenantIsolationIT::otherTenantsPaymentIsNotFound, (s, v) -> s.get("/api/v1/payments/" + v.paymentId())),
                new Endpoint("POST", "/api/v1/payments/callbacks/{channel}", Audience.CHANNEL,
                        TenantIsolationIT::unsignedCallbackCannotCreditVolt,
                        (s, v) -> s.body("{\"merchantReference\":\"" + v.paymentId() + "\"}").post("/api/v1/payments/callbacks/sandbox")),
                new Endpoint("GET", "/api/v1/wallets", Audience.OPERATOR, TenantIsolationIT::walletListShowsOnlyOwnTenant,
                        (s, v) -> s.get("/api/v1/wallets")),
                new Endpoint("GET", "/api/v1/wallets/{owner}", Audience.OPERATOR, TenantIsolationIT::otherTenantsWalletIsNotSeen,
                        (s, v) -> s.get("/api/v1/wallets/" + v.driverOwner())),
                new Endpoint("POST", "/api/v1/wallets/{owner}/adjustments", Audience.OPERATOR,
                        TenantIsolationIT::cannotAdjustOtherTenantsWallet,
                        (s, v) -> s.body(adjustment()).post("/api/v1/wallets/" + v.driverOwner() + "/adjustments")),
                new Endpoint("PUT", "/api/v1/wallets/{owner}/credit-limit", Audience.OPERATOR,
                        TenantIsolationIT::cannotSetOtherTenantsCreditLimit,
                        (s, v) -> s.body(Map.of("currency", "CNY", "limitMinorUnits", 100_000))
                                .put("/api/v1/wallets/" + v.driverOwner() + "/credit-limit")),
                new Endpoint("GET", "/api/v1/ledger/trial-balance", Audience.OPERATOR,
                        TenantIsolationIT::trialBalanceShowsOnlyOwnTenant, (s, v) -> s.get("/api/v1/ledger/trial-balance")),
                new Endpoint("POST", "/api/v1/holds", Audience.SERVICE, TenantIsolationIT::holdForAcmeNeverTouchesVoltWallet,
                        (s, v) -> s.header(TENANT_HEADER, "volt").body(Map.of("sessionId", Api.unique("s"),
                                "owner", v.driverOwner(), "amount", cny(100))).post("/api/v1/holds")),
                new Endpoint("GET", "/api/v1/holds/{holdId}", Audience.SERVICE, TenantIsolationIT::otherTenantsHoldIsNotFound,
                        (s, v) -> s.header(TENANT_HEADER, "volt").get("/api/v1/holds/" + v.holdId())),
                new Endpoint("POST", "/api/v1/holds/{holdId}/capture", Audience.SERVICE,
                        TenantIsolationIT::cannotCaptureOtherTenantsHold,
                        (s, v) -> s.header(TENANT_HEADER, "volt").body(Map.of("amount", cny(10)))
                                .post("/api/v1/holds/" + v.holdId() + "/capture")),
                new Endpoint("POST", "/api/v1/holds/{holdId}/release", Audience.SERVICE,
                        TenantIsolationIT::cannotReleaseOtherTenantsHold,
                        (s, v) -> s.header(TENANT_HEADER, "volt").post("/api/v1/holds/" + v.holdId() + "/release")),
                new Endpoint("POST", "/api/v1/holds/{holdId}/refunds", Audience.SERVICE,
                        TenantIsolationIT::cannotRefundOtherTenantsHold,
                        (s, v) -> s.header(TENANT_HEADER, "volt").body(Map.of("reference", "r", "amount", cny(10)))
                                .post("/api/v1/holds/" + v.holdId() + "/refunds")),
                new Endpoint("POST", "/api/v1/tariffs", Audience.OPERATOR, TenantIsolationIT::cannotCreateTariffForOtherTenant,
                        (s, v) -> s.body(Tariffs.twoRate(Api.unique("t").toLowerCase(), Api.unique("site"))).post("/api/v1/tariffs")),
                new Endpoint("GET", "/api/v1/tariffs", Audience.OPERATOR, TenantIsolationIT::tariffListShowsOnlyOwnTenant,
                        (s, v) -> s.get("/api/v1/tariffs")),
                new Endpoint("GET", "/api/v1/tariffs/{id}", Audience.OPERATOR, TenantIsolationIT::otherTenantsTariffIsNotFound,
                        (s, v) -> s.get("/api/v1/tariffs/" + v.tariffId())),
                new Endpoint("PUT", "/api/v1/tariffs/{id}", Audience.OPERATOR, TenantIsolationIT::cannotRescopeOtherTenantsTariff,
                        (s, v) -> s.body(Map.of("name", "x", "scope", Map.of("site", "elsewhere"))).put("/api/v1/tariffs/" + v.tariffId())),
                new Endpoint("POST", "/api/v1/tariffs/{id}/versions", Audience.OPERATOR,
                        TenantIsolationIT::cannotVersionOtherTenantsTariff,
                        (s, v) -> s.body(futureVersion()).post("/api/v1/tariffs/" + v.tariffId() + "/versions")),
                new Endpoint("GET", "/api/v1/tariffs/{id}/versions", Audience.OPERATOR,
                        TenantIsolationIT::otherTenantsVersionsAreNotFound, (s, v) -> s.get("/api/v1/tariffs/" + v.tariffId() + "/versions")),
                new Endpoint("POST", "/api/v1/tariffs/preview", Audience.OPERATOR, TenantIsolationIT::cannotPreviewWithOtherTenantsTariff,
                        (s, v) -> s.body(preview(v.tariffId())).post("/api/v1/tariffs/preview")),
                new Endpoint("POST", "/api/v1/holiday-calendars", Audience.OPERATOR,
                        TenantIsolationIT::cannotCreateCalendarForOtherTenant,
                        (s, v) -> s.body(Map.of("name", Api.unique("cal").toLowerCase(), "holidays", List.of(), "workdays", List.of()))
                                .post("/api/v1/holiday-calendars")),
                new Endpoint("GET", "/api/v1/holiday-calendars", Audience.OPERATOR, TenantIsolationIT::calendarListShowsOnlyOwnTenant,
                        (s, v) -> s.get("/api/v1/holiday-calendars")),
                new Endpoint("GET", "/api/v1/holiday-calendars/{name}", Audience.OPERATOR,
                        TenantIsolationIT::otherTenantsCalendarIsNotFound, (s, v) -> s.get("/api/v1/holiday-calendars/" + v.calendar())),
                new Endpoint("PUT", "/api/v1/holiday-calendars/{name}", Audience.OPERATOR,
                        TenantIsolationIT::cannotReplaceOtherTenantsCalendar,
                        (s, v) -> s.body(Map.of("holidays", List.of("2026-12-25"), "workdays", List.of()))
                                .put("/api/v1/holiday-calendars/" + v.calendar())),
                new Endpoint("POST", "/api/v1/ratings/quote", Audience.SERVICE, TenantIsolationIT::quoteNeverUsesOtherTenantsTariff,
                        (s, v) -> s.header(TENANT_HEADER, "volt").body(quote("volt", v.site())).post("/api/v1/ratings/quote")),
                new Endpoint("GET", "/api/v1/receipts", Audience.DRIVER, TenantIsolationIT::receiptsAreOwn,
                        (s, v) -> s.get("/api/v1/receipts")),
                new Endpoint("GET", "/api/v1/receipts/{sessionId}", Audience.DRIVER, TenantIsolationIT::otherTenantsReceiptIsNotFound,
                        (s, v) -> s.get("/api/v1/receipts/" + v.sessionId())),
                new Endpoint("GET", "/api/v1/rated-sessions", Audience.OPERATOR, TenantIsolationIT::ratedSessionsShowOnlyOwnTenant,
                        (s, v) -> s.get("/api/v1/rated-sessions")),
                new Endpoint("GET", "/api/v1/rated-sessions/{sessionId}", Audience.OPERATOR,
                        TenantIsolationIT::otherTenantsRatedSessionIsNotFound, (s, v) -> s.get("/api/v1/rated-sessions/" + v.sessionId())));
    }

    @Test
    void endpointTableCoversEveryOperationOfTheOpenApiDocument() {
        Set<String> tested = endpoints().map(Endpoint::toString).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(OpenApiDocument.fetch().operations(), tested);
    }

    @Test
    void everyOperationIsDescribedInTheOpenApiDocument() {
        OpenApiDocument openApi = OpenApiDocument.fetch();
        endpoints().forEach(e -> assertFalse(openApi.description(e.method(), e.path()).isBlank(), e + " has a description"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void callerOfAnotherTenantCannotReadOrChangeVoltData(Endpoint endpoint) {
        endpoint.crossTenant().accept(volt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void driverIsRefusedOutsideItsOwnWalletAndPayments(Endpoint endpoint) {
        Response response = endpoint.call().apply(change("acme-driver"), volt);
        if (endpoint.audience() == Audience.DRIVER || endpoint.audience() == Audience.DRIVER_AND_OPERATOR) {
            response.then().statusCode(not(equalTo(403)));
        } else {
            response.then().statusCode(403).contentType(PROBLEM).body("code", equalTo("forbidden"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void staffMayReadButNotChangeAndOperatorsNeverUseInternalEndpoints(Endpoint endpoint) {
        Response response = endpoint.call().apply(change("volt-staff"), volt);
        switch (endpoint.audience()) {
            case OPERATOR, DRIVER_AND_OPERATOR -> {
                if (endpoint.mutates()) {
                    response.then().statusCode(403).body("code", equalTo("forbidden"));
                } else {
                    response.then().statusCode(200);
                }
            }
            case DRIVER, SERVICE, CHANNEL -> response.then().statusCode(403).contentType(PROBLEM).body("code", equalTo("forbidden"));
        }
        if (endpoint.audience() == Audience.SERVICE) {
            endpoint.call().apply(change("volt-admin"), volt).then().statusCode(403).body("code", equalTo("forbidden"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void requestWithoutTokenIsRefused(Endpoint endpoint) {
        Response response = endpoint.call().apply(given().contentType("application/json").header("Idempotency-Key", "k"), volt);
        if (endpoint.audience() == Audience.CHANNEL) {
            response.then().statusCode(403).contentType(PROBLEM).body("code", equalTo("forbidden"));
        } else {
            response.then().statusCode(401).contentType(PROBLEM).body("code", equalTo("unauthenticated"));
        }
    }

    // --- one cross-tenant check per endpoint ---

    private static Map<String, Object> adjustment() {
        return Map.of("reference", Api.unique("adj"), "reason", "goodwill", "amount", cny(5_000));
    }

    private static void voltUnchanged(Volt v) {
        assertEquals(v.available(), Api.available("volt-driver"));
        service("volt").get("/api/v1/holds/" + v.holdId()).then().statusCode(200).body("state", equalTo("HELD"));
        as("volt-admin").get("/api/v1/wallets/" + v.driverOwner()).then().body("creditLimit.minorUnits", equalTo(0));
    }

    private static void walletIsOwnTenants(Volt v) {
        as("acme-driver").get("/api/v1/wallet").then().statusCode(200).body("tenantId", equalTo("acme"));
        as("acme-driver").header(TENANT_HEADER, "volt").get("/api/v1/wallet").then().statusCode(403)
                .body("code", equalTo("tenant_forbidden"));
    }

    private static void entriesAreOwn(Volt v) {
        as("volt-driver").get("/api/v1/wallet/entries").then().statusCode(200).body("items.kind", hasItem("HOLD"));
        as("acme-driver").get("/api/v1/wallet/entries?size=100").then().statusCode(200)
                .body("items.businessKey", everyItem(not(equalTo("hold:" + v.holdId()))));
        as("acme-driver").header(TENANT_HEADER, "volt").get("/api/v1/wallet/entries").then().statusCode(403);
    }

    private static void cannotTopUpForOtherTenant(Volt v) {
        change("acme-driver").header(TENANT_HEADER, "volt").body(Map.of("amount", cny(1_099), "channel", "sandbox"))
                .post("/api/v1/wallet/top-ups").then().statusCode(403).body("code", equalTo("tenant_forbidden"));
    }

    private static void otherTenantsPaymentIsNotFound(Volt v) {
        for (String user : List.of("acme-driver", "acme-staff", "acme-admin")) {
            as(user).get("/api/v1/payments/" + v.paymentId()).then().statusCode(404).contentType(PROBLEM)
                    .body("code", equalTo("not_found"));
        }
        as("volt-driver").get("/api/v1/payments/" + v.paymentId()).then().statusCode(200);
    }

    private static void unsignedCallbackCannotCreditVolt(Volt v) {
        given().contentType("application/json").body("{\"merchantReference\":\"" + v.paymentId() + "\",\"outcome\":\"SUCCEEDED\","
                        + "\"amount\":2099,\"currency\":\"CNY\"}")
                .header("sandbox-signature", "t=" + (System.currentTimeMillis() / 1000) + ",v1=00")
                .post("/api/v1/payments/callbacks/sandbox").then().statusCode(403);
        as("volt-driver").get("/api/v1/payments/" + v.paymentId()).then().body("state", equalTo("PENDING"));
        voltUnchanged(v);
    }

    private static void walletListShowsOnlyOwnTenant(Volt v) {
        for (String user : List.of("acme-admin", "acme-staff")) {
            as(user).get("/api/v1/wallets?size=100").then().statusCode(200).body("items.tenantId", everyItem(equalTo("acme")));
            as(user).header(TENANT_HEADER, "volt").get("/api/v1/wallets").then().statusCode(403)
                    .body("code", equalTo("tenant_forbidden"));
        }
    }

    private static void otherTenantsWalletIsNotSeen(Volt v) {
        as("acme-staff").get("/api/v1/wallets/" + v.driverOwner()).then().statusCode(200)
                .body("tenantId", equalTo("acme")).body("available.minorUnits", not(equalTo((int) v.available())));
        as("acme-staff").header(TENANT_HEADER, "volt").get("/api/v1/wallets/" + v.driverOwner()).then().statusCode(403);
    }

    private static void cannotAdjustOtherTenantsWallet(Volt v) {
        change("acme-admin").header(TENANT_HEADER, "volt").body(adjustment())
                .post("/api/v1/wallets/" + v.driverOwner() + "/adjustments").then().statusCode(403)
                .body("code", equalTo("tenant_forbidden"));
        voltUnchanged(v);
    }

    private static void cannotSetOtherTenantsCreditLimit(Volt v) {
        change("acme-admin").header(TENANT_HEADER, "volt").body(Map.of("currency", "CNY", "limitMinorUnits", 100_000))
                .put("/api/v1/wallets/" + v.driverOwner() + "/credit-limit").then().statusCode(403);
        voltUnchanged(v);
    }

    private static void trialBalanceShowsOnlyOwnTenant(Volt v) {
        as("acme-staff").get("/api/v1/ledger/trial-balance").then().statusCode(200)
                .body("tenantId", everyItem(equalTo("acme")));
        as("acme-staff").header(TENANT_HEADER, "volt").get("/api/v1/ledger/trial-balance").then().statusCode(403);
        as("platform-admin").get("/api/v1/ledger/trial-balance").then().statusCode(200)
                .body("tenantId", hasItem("volt")).body("balanced", everyItem(equalTo(true)));
    }

    private static void holdForAcmeNeverTouchesVoltWallet(Volt v) {
        service("acme").body(Map.of("sessionId", Api.unique("s"), "owner", v.driverOwner(), "amount", cny(100)))
                .post("/api/v1/holds").then().statusCode(422).body("errors[0].message", equalTo("insufficient_funds"));
        change(Api.SERVICE).body(Map.of("sessionId", Api.unique("s"), "owner", v.driverOwner(), "amount", cny(100)))
                .post("/api/v1/holds").then().statusCode(400).body("code", equalTo("validation_failed"));
        voltUnchanged(v);
    }

    private static void otherTenantsHoldIsNotFound(Volt v) {
        service("acme").get("/api/v1/holds/" + v.holdId()).then().statusCode(404).body("code", equalTo("not_found"));
    }

    private static void cannotCaptureOtherTenantsHold(Volt v) {
        service("acme").body(Map.of("amount", cny(10))).post("/api/v1/holds/" + v.holdId() + "/capture")
                .then().statusCode(404).body("code", equalTo("not_found"));
        voltUnchanged(v);
    }

    private static void cannotReleaseOtherTenantsHold(Volt v) {
        service("acme").post("/api/v1/holds/" + v.holdId() + "/release").then().statusCode(404);
        voltUnchanged(v);
    }

    private static void cannotRefundOtherTenantsHold(Volt v) {
        service("acme").body(Map.of("reference", "r", "amount", cny(10))).post("/api/v1/holds/" + v.holdId() + "/refunds")
                .then().statusCode(404);
        voltUnchanged(v);
    }

    // --- tariffs, quotes and receipts ---

    private static String futureVersion() {
        return """
                {"validFrom": "2099-01-01T00:00:00Z", "zone": "Asia/Shanghai", "currency": "CNY",
                 "rates": [{"code": "flat", "electricityPerKwh": "0.8", "servicePerKwh": "0.4"}],
                 "slotMaps": {"WORKDAY": [%s]}}""".formatted(String.join(",", java.util.Collections.nCopies(48, "\"flat\"")));
    }

    private static Map<String, Object> preview(String tariffId) {
        return Map.of("tariffId", tariffId, "start", SessionBillingIT.START.toString(), "end", SessionBillingIT.END.toString(),
                "energyKwh", 20);
    }

    private static byte[] quote(String tenant, String site) {
        return SessionEvents.json(SessionEvents.session(tenant, site, null, null, SessionBillingIT.START, SessionBillingIT.END, 20_000)
                .state(io.chargeplane.model.session.SessionState.ACTIVE, 3));
    }

    private static void voltTariffUnchanged(Volt v) {
        as("volt-staff").get("/api/v1/tariffs/" + v.tariffId()).then().statusCode(200)
                .body("scope.site", equalTo(v.site())).body("versions", org.hamcrest.Matchers.hasSize(1));
    }

    private static void cannotCreateTariffForOtherTenant(Volt v) {
        change("acme-admin").header(TENANT_HEADER, "volt").body(Tariffs.twoRate(Api.unique("t").toLowerCase(), "x"))
                .post("/api/v1/tariffs").then().statusCode(403).body("code", equalTo("tenant_forbidden"));
        // the same id in acme is acme's own tariff, not a clash with volt's
        change("acme-admin").body(Tariffs.twoRate(v.tariffId(), Api.unique("site"))).post("/api/v1/tariffs").then().statusCode(201);
        voltTariffUnchanged(v);
    }

    private static void tariffListShowsOnlyOwnTenant(Volt v) {
        as("volt-staff").get("/api/v1/tariffs?size=100").then().statusCode(200).body("items.scope.site", hasItem(v.site()));
        as("acme-staff").get("/api/v1/tariffs?size=100").then().statusCode(200)
                .body("items.scope.site", everyItem(not(equalTo(v.site()))));
        as("acme-staff").header(TENANT_HEADER, "volt").get("/api/v1/tariffs").then().statusCode(403);
    }

    private static void otherTenantsTariffIsNotFound(Volt v) {
        // acme may hold a tariff of the same id (cannotCreateTariffForOtherTenant makes one): never volt's
        String site = as("acme-staff").get("/api/v1/tariffs/" + v.tariffId()).then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(404), equalTo(200))).extract().path("scope.site");
        org.junit.jupiter.api.Assertions.assertNotEquals(v.site(), site);
        as("acme-staff").get("/api/v1/tariffs/" + Api.unique("none")).then().statusCode(404).body("code", equalTo("not_found"));
    }

    private static void cannotRescopeOtherTenantsTariff(Volt v) {
        change("acme-admin").header(TENANT_HEADER, "volt").body(Map.of("name", "x", "scope", Map.of("site", "elsewhere")))
                .put("/api/v1/tariffs/" + v.tariffId()).then().statusCode(403);
        voltTariffUnchanged(v);
    }

    private static void cannotVersionOtherTenantsTariff(Volt v) {
        change("acme-admin").header(TENANT_HEADER, "volt").body(futureVersion())
                .post("/api/v1/tariffs/" + v.tariffId() + "/versions").then().statusCode(403);
        voltTariffUnchanged(v);
    }

    private static void otherTenantsVersionsAreNotFound(Volt v) {
        as("acme-staff").header(TENANT_HEADER, "volt").get("/api/v1/tariffs/" + v.tariffId() + "/versions").then().statusCode(403);
        as("volt-staff").get("/api/v1/tariffs/" + v.tariffId() + "/versions").then().statusCode(200);
    }

    private static void cannotPreviewWithOtherTenantsTariff(Volt v) {
        String unknown = Api.unique("volt-only").toLowerCase();
        as("acme-staff").body(preview(unknown)).post("/api/v1/tariffs/preview").then().statusCode(404);
        as("acme-staff").header(TENANT_HEADER, "volt").body(preview(v.tariffId())).post("/api/v1/tariffs/preview")
                .then().statusCode(403);
    }

    private static void cannotCreateCalendarForOtherTenant(Volt v) {
        change("acme-admin").header(TENANT_HEADER, "volt").body(Map.of("name", Api.unique("c").toLowerCase(),
                "holidays", List.of(), "workdays", List.of())).post("/api/v1/holiday-calendars").then().statusCode(403);
    }

    private static void calendarListShowsOnlyOwnTenant(Volt v) {
        as("acme-staff").get("/api/v1/holiday-calendars").then().statusCode(200).body("name", everyItem(not(equalTo(v.calendar()))));
        as("volt-staff").get("/api/v1/holiday-calendars").then().statusCode(200).body("name", hasItem(v.calendar()));
    }

    private static void otherTenantsCalendarIsNotFound(Volt v) {
        as("acme-staff").get("/api/v1/holiday-calendars/" + v.calendar()).then().statusCode(404).body("code", equalTo("not_found"));
    }

    private static void cannotReplaceOtherTenantsCalendar(Volt v) {
        change("acme-admin").body(Map.of("holidays", List.of("2026-12-25"), "workdays", List.of()))
                .put("/api/v1/holiday-calendars/" + v.calendar()).then().statusCode(404);
        as("volt-staff").get("/api/v1/holiday-calendars/" + v.calendar()).then().body("holidays", equalTo(List.of("2026-10-01")));
    }

    private static void quoteNeverUsesOtherTenantsTariff(Volt v) {
        service("acme").body(quote("volt", v.site())).post("/api/v1/ratings/quote").then().statusCode(400);
        service("acme").body(quote("acme", v.site())).post("/api/v1/ratings/quote").then().statusCode(422)
                .body("errors[0].field", equalTo("tariff"));
        service("volt").body(quote("volt", v.site())).post("/api/v1/ratings/quote").then().statusCode(200)
                .body("tariffId", equalTo(v.tariffId()));
    }

    private static void receiptsAreOwn(Volt v) {
        as("volt-driver").get("/api/v1/receipts?size=100").then().statusCode(200).body("items.sessionId", hasItem(v.sessionId()));
        as("acme-driver").get("/api/v1/receipts?size=100").then().statusCode(200)
                .body("items.sessionId", everyItem(not(equalTo(v.sessionId()))));
    }

    private static void otherTenantsReceiptIsNotFound(Volt v) {
        as("acme-driver").get("/api/v1/receipts/" + v.sessionId()).then().statusCode(404).body("code", equalTo("not_found"));
    }

    private static void ratedSessionsShowOnlyOwnTenant(Volt v) {
        as("acme-staff").get("/api/v1/rated-sessions?size=100").then().statusCode(200)
                .body("items.tenantId", everyItem(equalTo("acme")));
        as("platform-admin").get("/api/v1/rated-sessions?size=100&driver=" + v.driverOwner()).then().statusCode(200)
                .body("items.sessionId", hasItem(v.sessionId()));
    }

    private static void otherTenantsRatedSessionIsNotFound(Volt v) {
        as("acme-staff").get("/api/v1/rated-sessions/" + v.sessionId()).then().statusCode(404);
        as("volt-staff").get("/api/v1/rated-sessions/" + v.sessionId()).then().statusCode(200);
    }
}
