/**
 * The double-entry ledger behind wallets, as plain Java: accounts per tenant, balanced postings under business
 * keys, the floors that keep wallets within their credit limits, and the hold state machine. No framework
 * imports; persistence applies the same {@link io.chargeplane.billing.domain.ledger.Balances} computation to the
 * rows it locks.
 */
package io.chargeplane.billing.domain.ledger;
