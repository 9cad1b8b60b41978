package io.jointops.platform.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jointops.api.shared.Identifies;
import io.jointops.identifiers.IdentifierKind;
import io.jointops.identifiers.Identifiers;
import io.jointops.identifiers.InvalidIdentifierException;
import io.jointops.platform.identifiers.ContractIdentifiers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * References to data subjects. A data subject here is an identifier in its normal form (the {@code identifiers}
 * module's canonical form: {@code Zhang Wei} and {@code ZHANG WEI.} are one, {@code +1 202 555 0143} and
 * {@code 202-555-0143} dialled in the US are one), or an item, for the free text about its people. Its reference is
 * HMAC-SHA256 of that form under the key store's secret: the same in every item and service, so an erasure order
 * that names the identifier finds each key it has, and yet no table holds the identifier or a hash one could test
 * guesses against without the secret. Names of persons, organisations and places are one family (a party of a
 * pre-export notification is either); a value that is no valid identifier of its kind is taken as written.
 */
public final class Subjects {

    private final Supplier<byte[]> secret;
    private final Cache<String, String> refs = Caffeine.newBuilder().executor(Runnable::run).maximumSize(100_000)
            .build();
    private volatile SecretKeySpec key;

    public Subjects(Supplier<byte[]> secret) {
        this.secret = secret;
    }

    /** The subject an identifier of {@code kind} names ({@code country}: where a phone number is dialled, or null). */
    public String ofIdentifier(Identifies.Kind kind, String value, String country) {
        return ref(canonical(kind, value, country));
    }

    /** The subject of an item's free text. */
    public String ofItem(String itemId) {
        return ref("ITEM:" + itemId);
    }

    /** The normal form a subject's reference is computed from; never stored. */
    static String canonical(Identifies.Kind kind, String value, String country) {
        IdentifierKind identifierKind = ContractIdentifiers.kind(kind);
        String family = switch (identifierKind.family()) {
            case PERSON, ORGANISATION, LOCATION -> "NAME";
            default -> identifierKind.family().name();
        };
        try {
            return family + ":" + Identifiers.of(identifierKind, value, country).canonical();
        } catch (InvalidIdentifierException e) {
            // stored as written (an old event, a number without its country): an order names it as written too
            return family + ":as-written:" + value.strip();
        }
    }

    private String ref(String canonical) {
        return refs.get(canonical, this::hmac);
    }

    private String hmac(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secretKey());
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private SecretKeySpec secretKey() {
        SecretKeySpec known = key;
        if (known == null) {
            known = new SecretKeySpec(secret.get(), "HmacSHA256");
            key = known;
        }
        return known;
    }
}
