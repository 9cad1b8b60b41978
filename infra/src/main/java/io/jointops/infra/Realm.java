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
    /** The one role of a partner system's client: it reads the partner feed ({@code /api/feed}), nothing else. */
    public static final String FEED_READER = "feed-reader";

    /**
     * An agency's partner system (its own case system, its analysts' tools): a confidential client with a service
     * account only (client credentials), role {@link #FEED_READER} alone and the agency's claim. The secret is for
     * local development; real deployments set their own (the Kubernetes realm imports take it from a Secret).
     */
    public record PartnerClient(String clientId, String secret, String agency) {}

    /** One per agency. */
    public static final List<PartnerClient> PARTNER_CLIENTS = List.of(
            new PartnerClient("jointops-partner-cn-nncc", "cn-nncc-local-dev-secret", "CN-NNCC"),
            new PartnerClient("jointops-partner-us-dea", "us-dea-local-dev-secret", "US-DEA"),
            new PartnerClient("jointops-partner-cn-customs", "cn-customs-local-dev-secret", "CN-CUSTOMS"),
            new PartnerClient("jointops-partner-us-fincen", "us-fincen-local-dev-secret", "US-FINCEN"),
            new PartnerClient("jointops-partner-cn-camlmac", "cn-camlmac-local-dev-secret", "CN-CAMLMAC"),
            new PartnerClient("jointops-partner-mx-fgr", "mx-fgr-local-dev-secret", "MX-FGR"));

    /** The partner client of {@code agency}. */
    public static PartnerClient partnerClient(String agency) {
        return PARTNER_CLIENTS.stream().filter(client -> client.agency().equals(agency)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no partner client for " + agency));
    }

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
