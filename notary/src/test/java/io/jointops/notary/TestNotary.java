package io.jointops.notary;

import io.jointops.audit.Checkpoint;
import io.jointops.audit.Ed25519;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The notary, for the integration tests of a service that does not run it (only case-service does): it takes the test
 * database's events into the log and issues checkpoints signed by CN-NNCC (whose key it holds) and co-signed by
 * US-DEA, so that the service's exports, read through its own audit-log reader, stand on complete checkpoints.
 */
public final class TestNotary {

    public static final String ORIGIN = "jointops";

    private final KeyPair cn = Ed25519.generate();
    private final KeyPair us = Ed25519.generate();
    private final Notary notary;

    public TestNotary(DataSource dataSource) {
        NotaryProperties properties = new NotaryProperties();
        properties.setOrigin(ORIGIN);
        properties.setGapTimeout(Duration.ZERO); // a gap is given up at once
        NotaryProperties.Agency cnNncc = new NotaryProperties.Agency();
        cnNncc.setPrivateKey(Ed25519.pem(cn.getPrivate()));
        NotaryProperties.Agency usDea = new NotaryProperties.Agency();
        usDea.setPublicKey(Ed25519.pem(us.getPublic()));
        properties.getAgencies().put("CN-NNCC", cnNncc);
        properties.getAgencies().put("US-DEA", usDea);
        notary = new Notary(new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(
                dataSource)), properties, AgencyKeys.load(properties), Clock.systemUTC());
    }

    /** Takes every stored event in; the checkpoint of the whole tree, complete (US-DEA co-signed it). */
    public Checkpoint notarize() {
        notary.notarize();
        Checkpoint checkpoint = notary.newest().orElseThrow(() -> new IllegalStateException("no checkpoint")).checkpoint();
        if (!notary.addSignature(checkpoint.treeSize(), "US-DEA", Ed25519.sign(us.getPrivate(), checkpoint.signedBytes()))) {
            throw new IllegalStateException("US-DEA's signature of checkpoint " + checkpoint.treeSize() + " was refused");
        }
        return checkpoint;
    }

    /** The agencies' public keys, for a verifier's trust policy. */
    public Map<String, PublicKey> keys() {
        return Map.of("CN-NNCC", cn.getPublic(), "US-DEA", us.getPublic());
    }
}
