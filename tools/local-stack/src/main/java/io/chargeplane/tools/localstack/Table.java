package io.chargeplane.tools.localstack;

import io.chargeplane.tools.localstack.DemoLogins.Login;
import io.chargeplane.tools.localstack.StackState.ComponentState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The one table {@code up} and {@code status} print: components with URL and health, then the demo logins. */
public final class Table {

    private Table() {
    }

    public static String render(List<ComponentState> components, Function<ComponentState, String> health,
                                List<Login> logins) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"COMPONENT", "URL", "HEALTH"});
        for (ComponentState component : components) {
            rows.add(new String[]{component.name(), component.url(), health.apply(component)});
            if (component.note() != null && !component.note().isBlank()) {
                rows.add(new String[]{"", component.note(), ""});
            }
        }
        StringBuilder text = new StringBuilder(columns(rows));
        if (!logins.isEmpty()) {
            List<String[]> users = new ArrayList<>();
            users.add(new String[]{"DEMO LOGIN", "PASSWORD", "ROLE", "TENANT"});
            for (Login login : logins) {
                users.add(new String[]{login.username(), login.password(), login.role(),
                        login.tenant().isEmpty() ? "(all)" : login.tenant()});
            }
            text.append('\n').append(columns(users))
                    .append("Demo values only: realm chargeplane, public client chargeplane-console (password grant allowed).\n");
        }
        return text.toString();
    }

    /** The demo section {@code up --demo} prints below the components: a header row, then what and how many. */
    public static String demo(List<String[]> rows) {
        return columns(rows) + "Demo drivers: acme-driver and volt-driver (RFID cards DEMO-RFID-0001..3; acme-driver also "
                + "starts app sessions).\n";
    }

    static String columns(List<String[]> rows) {
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
