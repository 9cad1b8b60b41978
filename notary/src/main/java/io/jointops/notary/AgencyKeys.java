package io.jointops.notary;

import io.jointops.audit.Ed25519;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The participating agencies' keys, read once at start: a public key for each, and the private key of those whose
 * signing key this notary holds. A key that cannot be read stops the service from starting.
 */
public final class AgencyKeys {

    /** One agency's keys; {@code privateKey} is empty when the agency signs elsewhere and posts its signature. */
    public record Agency(String name, PublicKey publicKey, Optional<PrivateKey> privateKey) {
        public String keyId() {
            return Ed25519.keyId(publicKey);
        }
    }

    private final Map<String, Agency> agencies;

    AgencyKeys(Map<String, Agency> agencies) {
        this.agencies = Collections.unmodifiableMap(new TreeMap<>(agencies));
    }

    static AgencyKeys load(NotaryProperties properties) {
        Map<String, Agency> agencies = new TreeMap<>();
        properties.getAgencies().forEach((name, config) -> {
            String where = "jointops.notary.agencies." + name;
            Optional<PrivateKey> privateKey = Optional.ofNullable(text(config.getPrivateKey(), config.getPrivateKeyFile(),
                    where + ".private-key")).map(pem -> parse(() -> Ed25519.privateKey(pem), where + ".private-key"));
            PublicKey publicKey = Optional.ofNullable(text(config.getPublicKey(), config.getPublicKeyFile(),
                            where + ".public-key"))
                    .map(pem -> parse(() -> Ed25519.publicKey(pem), where + ".public-key"))
                    .orElseGet(() -> privateKey.map(Ed25519::publicKeyOf).orElseThrow(() -> new IllegalStateException(
                            where + " has neither a private nor a public key (private-key-file or public-key-file)")));
            if (privateKey.isPresent() && !java.util.Arrays.equals(
                    Ed25519.publicKeyOf(privateKey.get()).getEncoded(), publicKey.getEncoded())) {
                throw new IllegalStateException(where + ": the public key is not the private key's");
            }
            agencies.put(name, new Agency(name, publicKey, privateKey));
        });
        List<String> held = agencies.values().stream().filter(a -> a.privateKey().isPresent()).map(Agency::name).toList();
        if (held.size() > 1) {
            throw new IllegalStateException("jointops.notary.agencies: the notary holds the private keys of " + held
                    + ", but it may hold at most one (its operator's): whoever runs it could sign anything in the"
                    + " others' names. Give the other agencies' public-key(-file) only; each co-signs with its own"
                    + " co-signer (audit-cosigner.jar), or, in development, jointops.notary.co-signers.<agency>");
        }
        return new AgencyKeys(agencies);
    }

    /** Reads a key given inline or as a file; null if neither is given. */
    static String keyText(String inline, String file, String property) {
        return text(inline, file, property);
    }

    public List<String> names() {
        return List.copyOf(agencies.keySet());
    }

    public Optional<Agency> get(String name) {
        return Optional.ofNullable(agencies.get(name));
    }

    public List<Agency> all() {
        return List.copyOf(agencies.values());
    }

    public boolean isEmpty() {
        return agencies.isEmpty();
    }

    private static String text(String inline, String file, String property) {
        if (inline != null && !inline.isBlank()) {
            return inline;
        }
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalStateException(property + "-file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String property) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is " + e.getMessage(), e);
        }
    }
}
