package io.jointops.api.intel;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An entity named in a report.
 * <p>
 * Normal forms ({@code normalised}) are computed by intel-service with the platform's one normalisation of
 * identifiers ({@code io.jointops.identifiers.Identifiers}, rules in docs/ARCHITECTURE.md, "Matching identifiers"),
 * the canonical form of the entity's kind:
 * <ul>
 * <li>{@code PERSON}, {@code ORGANISATION}, {@code LOCATION}: Unicode NFKC, case-folded (upper- then lower-case in
 *     the root locale, so {@code ß} matches {@code SS}), punctuation ({@code \p{P}}) removed, whitespace runs
 *     collapsed to one space, trimmed: {@code "ACME Trading Co., Ltd."} becomes {@code "acme trading co ltd"}.
 *     Names in Chinese characters keep them ({@code 张伟}); they are matched to their pinyin by match keys, not by
 *     this form. chemical-service normalises organisation names the same way.</li>
 * <li>{@code VESSEL}: {@code IMO} and its 7 digits (check digit verified) as {@code IMO9321483}; otherwise a name,
 *     as above.</li>
 * <li>{@code VEHICLE}: NFKC, letters and digits only, upper-case: {@code "ab-123 cd"} becomes {@code "AB123CD"}.</li>
 * <li>{@code PHONE_NUMBER}: E.164 ({@code +} and up to 15 digits) by libphonenumber; a number without its country
 *     code is read in {@code country}, and refused without one.</li>
 * <li>{@code EMAIL_ADDRESS}: lower-cased, the domain in ASCII (IDNA).</li>
 * <li>{@code URL}: scheme and host lower-cased (host in ASCII), default port and fragment dropped, {@code https://}
 *     assumed when no scheme is given, an empty path written as {@code /}; path and query kept as written.</li>
 * <li>{@code ONLINE_ACCOUNT}: lower-cased, a leading {@code @} dropped ({@code platform:handle} keeps its prefix).</li>
 * <li>{@code CRYPTO_WALLET}: lower-cased where the chain ignores case (Ethereum {@code 0x} hex, bech32
 *     {@code bc1}/{@code ltc1}/{@code tb1}); kept as written otherwise (base58 addresses are case-sensitive).</li>
 * </ul>
 * Events stored before {@code country} existed read with it null; it is left out of the stored JSON when null, so
 * an entity without one is stored exactly as before (no new revision of the events that carry entities).
 *
 * @param entityId   unique within the report; relations between entities refer to it
 * @param value      as the analyst wrote it
 * @param normalised the normal form used for matching across reports and services (e.g. E.164 for phone numbers,
 *                   lower-cased host for URLs, case-folded and space-collapsed names); intel-service computes it
 * @param country    ISO 3166-1 alpha-2 code of the country a {@code PHONE_NUMBER} written without its country code
 *                   is dialled in, as the analyst gave it; null otherwise
 */
@NonPersonal
public record IntelEntity(@NotBlank @Size(max = 64) String entityId, @NotNull EntityType type,
                          @Identifies(kindFrom = "type", countryFrom = "country") @Personal @NotBlank @Size(max = 500) String value,
                          @Personal(subjectFrom = "value") @Nullable String normalised,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String country) {

    /** An entity without a country, as every kind but a national phone number is. */
    public IntelEntity(String entityId, EntityType type, String value, String normalised) {
        this(entityId, type, value, normalised, null);
    }
}
