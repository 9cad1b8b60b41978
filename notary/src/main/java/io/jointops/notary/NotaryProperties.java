package io.jointops.notary;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code jointops.notary.*}. Keys come from files or the environment, never from the repository or from events:
 * <pre>
 * jointops.notary.agencies.CN-NNCC.private-key-file=/run/secrets/cn-nncc-notary.pem   (PKCS#8 PEM, Ed25519)
 * jointops.notary.agencies.US-DEA.public-key-file=/run/secrets/us-dea-notary.pub.pem  (its signatures come by API)
 * </pre>
 * ({@code private-key} and {@code public-key} take the PEM or base64 text itself, e.g. from an environment variable.)
 * Every agency listed participates: a checkpoint is complete once each has signed it. The notary holds at most one
 * agency's private key (its operator's); every other agency co-signs with its own co-signer
 * ({@code audit-cosigner.jar}), which checks consistency with what it signed before. For development only, an agency's
 * co-signer may run inside the notary's process, with its own state file:
 * <pre>
 * jointops.notary.co-signers.US-DEA.private-key-file=.jointops/keys/us-dea.pem
 * jointops.notary.co-signers.US-DEA.state-file=.jointops/cosigners/us-dea.state
 * </pre>
 */
@ConfigurationProperties("jointops.notary")
public class NotaryProperties {

    /** Switches the notary and its API on, in one service only. */
    private boolean enabled;
    /**
     * In a service that does not run the notary: reads its record (read-only) to export the service's own items'
     * bundles ({@link AuditLogReaderConfiguration}).
     */
    private boolean reader;
    /** The name of the log, in every checkpoint. */
    private String origin = "jointops";
    /** How often new events are taken into the tree and a checkpoint issued (when events were committed); 0 to run it only when called. */
    private Duration interval = Duration.ofSeconds(10);
    /**
     * How long a missing global position may still be filled by a transaction that commits late. Must equal the gap
     * timeout of the event storage engine (Axon's default, 60 s): positions the processors give up on, so does the tree.
     */
    private Duration gapTimeout = Duration.ofSeconds(60);
    /** Events taken into the tree per transaction (a run's batches end in one checkpoint). */
    private int batchSize = 10_000;
    /** The most events one export may hold. */
    private int maxExportEvents = 1_000_000;
    private Map<String, Agency> agencies = new LinkedHashMap<>();
    /** Development: co-signers run inside this process (each agency listed under agencies with its public key). */
    private Map<String, CoSigner> coSigners = new LinkedHashMap<>();

    /** A co-signer inside the notary's process: the agency's private key and the co-signer's own state file. */
    public static class CoSigner {
        private String privateKeyFile;
        private String privateKey;
        private String stateFile;

        public String getPrivateKeyFile() {
            return privateKeyFile;
        }

        public void setPrivateKeyFile(String privateKeyFile) {
            this.privateKeyFile = privateKeyFile;
        }

        public String getPrivateKey() {
            return privateKey;
        }

        public void setPrivateKey(String privateKey) {
            this.privateKey = privateKey;
        }

        public String getStateFile() {
            return stateFile;
        }

        public void setStateFile(String stateFile) {
            this.stateFile = stateFile;
        }
    }

    public static class Agency {
        private String privateKeyFile;
        private String privateKey;
        private String publicKeyFile;
        private String publicKey;

        public String getPrivateKeyFile() {
            return privateKeyFile;
        }

        public void setPrivateKeyFile(String privateKeyFile) {
            this.privateKeyFile = privateKeyFile;
        }

        public String getPrivateKey() {
            return privateKey;
        }

        public void setPrivateKey(String privateKey) {
            this.privateKey = privateKey;
        }

        public String getPublicKeyFile() {
            return publicKeyFile;
        }

        public void setPublicKeyFile(String publicKeyFile) {
            this.publicKeyFile = publicKeyFile;
        }

        public String getPublicKey() {
            return publicKey;
        }

        public void setPublicKey(String publicKey) {
            this.publicKey = publicKey;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isReader() {
        return reader;
    }

    public void setReader(boolean reader) {
        this.reader = reader;
    }

    public String getOrigin() {
        return origin;
    }

    public void setOrigin(String origin) {
        this.origin = origin;
    }

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    public Duration getGapTimeout() {
        return gapTimeout;
    }

    public void setGapTimeout(Duration gapTimeout) {
        this.gapTimeout = gapTimeout;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getMaxExportEvents() {
        return maxExportEvents;
    }

    public void setMaxExportEvents(int maxExportEvents) {
        this.maxExportEvents = maxExportEvents;
    }

    public Map<String, Agency> getAgencies() {
        return agencies;
    }

    public void setAgencies(Map<String, Agency> agencies) {
        this.agencies = agencies;
    }

    public Map<String, CoSigner> getCoSigners() {
        return coSigners;
    }

    public void setCoSigners(Map<String, CoSigner> coSigners) {
        this.coSigners = coSigners;
    }
}
