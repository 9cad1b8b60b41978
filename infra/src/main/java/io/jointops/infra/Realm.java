package io.jointops.infra;

import java.util.List;

/**
 * Names from {@code keycloak/jointops-realm.json} that the launcher prints and the tests use.
 * RealmTest checks that they match the realm file.
 */
public final class Realm {

    public static final String NAME = "jointops";
    /** Public client with the password grant: development and tests only. */
    public static final String CLI_CLIENT = "jointops-cli";
    /** Public browser client: authorization code with PKCE (S256). */
    public static final String WEB_CLIENT = "jointops-web";
    /** Confidential client-credentials client of the US-DEA partner system. */
    public static final String PARTNER_CLIENT = "jointops-partner-us-dea";
    /** Local development secret of {@link #PARTNER_CLIENT}; real deployments set their own. */
    public static final String PARTNER_SECRET = "us-dea-local-dev-secret";
    public static final String PARTNER_AGENCY = "US-DEA";

    /**
     * An agency's co-signer of the audit log ({@code audit-cosigner.jar}): a confidential client with a service account
     * only, role {@code notary-signer} and the agency's claim. The secret is for local development; real deployments
     * set their own (the Kubernetes realm imports take it from a Secret).
     */
    public record CoSignerClient(String clientId, String secret, String agency) {}

    public static final List<CoSignerClient> COSIGNER_CLIENTS = List.of(
            new CoSignerClient("jointops-cosigner-cn-nncc", "cn-nncc-cosigner-local-dev-secret", "CN-NNCC"),
            new CoSignerClient("jointops-cosigner-us-dea", "us-dea-cosigner-local-dev-secret", "US-DEA"));
    /** Every demo user's password. */
    public static final String PASSWORD = "demo";
    public static final String AUDIENCE = "jointops-api";

    public record User(String username, String agency, List<String> roles) {}

    public static final List<User> USERS = List.of(
            new User("cn.investigator", "CN-NNCC", List.of("investigator")),
            new User("cn.supervisor", "CN-NNCC", List.of("supervisor", "investigator")),
            new User("us.investigator", "US-DEA", List.of("investigator")),
            new User("us.supervisor", "US-DEA", List.of("supervisor", "investigator")),
            new User("cn.chemical", "CN-CUSTOMS", List.of("chemical-officer")),
            new User("us.finance", "US-FINCEN", List.of("finance-officer")),
            new User("us.chemical", "US-DEA", List.of("chemical-officer")),
            new User("cn.chemical.supervisor", "CN-CUSTOMS", List.of("chemical-officer", "supervisor")),
            new User("cn.finance", "CN-CAMLMAC", List.of("finance-officer")),
            new User("cn.finance.supervisor", "CN-CAMLMAC", List.of("finance-officer", "supervisor")),
            new User("cn.analyst", "CN-NNCC", List.of("analyst")),
            new User("mx.investigator", "MX-FGR", List.of("investigator")),
            new User("auditor", "JOINT-AUDIT", List.of("auditor")),
            new User("admin", "JOINT-OPS", List.of("platform-admin")));

    private Realm() {
    }
}
