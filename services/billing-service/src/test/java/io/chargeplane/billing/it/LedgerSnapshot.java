package io.chargeplane.billing.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's whole ledger in a form two runs can be compared by: every entry by its posting's business key
 * (account type, owner, side, amount), every account's balance, and every receipt's figures. Ids, times and the
 * order postings were made in are left out; what money moved under which key, and where it ended, is all there.
 * Read over JDBC so that a database of another billing-service process can be read the same way.
 */
record LedgerSnapshot(List<String> entries, List<String> balances, List<String> receipts) {

    static LedgerSnapshot of(String jdbcUrl, String user, String password, String tenant) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            return new LedgerSnapshot(
                    rows(c, "select p.business_key, a.type, a.owner, e.side, e.amount_minor, e.currency from ledger_entries e "
                            + "join postings p on p.id = e.posting_id join accounts a on a.id = e.account_id where e.tenant_id = ? "
                            + "order by 1, 2, 3, 4, 5", tenant),
                    rows(c, "select type, owner, currency, balance_minor from accounts where tenant_id = ? order by 1, 2, 3", tenant),
                    rows(c, "select session_id, total_minor, paid_minor, outstanding_minor, payment_status, energy_mwh, "
                            + "tariff_version, business_key from rated_sessions where tenant_id = ? order by 1", tenant));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long ratedCount(String jdbcUrl, String user, String password, String tenant) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            return Long.parseLong(rows(c, "select count(*) from rated_sessions where tenant_id = ?", tenant).getFirst());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(Connection c, String sql, String tenant) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(i > 1 ? " " : "").append(rs.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }
}
