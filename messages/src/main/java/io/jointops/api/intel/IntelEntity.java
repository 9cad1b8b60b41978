package io.jointops.api.intel;

import io.jointops.api.shared.Identifies;

/**
 * An entity named in a report.
 * <p>
 * Normal forms ({@code normalised}), computed by intel-service and relied upon by other services for matching:
 * <ul>
 * <li>{@code PERSON}, {@code ORGANISATION}, {@code LOCATION}: Unicode NFKC, case-folded (upper- then lower-case in
 *     the root locale, so {@code ß} matches {@code SS}), punctuation ({@code \p{P}}) removed, whitespace runs
 *     collapsed to one space, trimmed: {@code "ACME Trading Co., Ltd."} becomes {@code "acme trading co ltd"}.
 *     chemical-service normalises organisation names the same way.</li>
 * <li>{@code VESSEL}: {@code IMO} and its 7 digits (check digit verified) as {@code IMO9321483}; otherwise a name,
 *     as above.</li>
 * <li>{@code VEHICLE}: NFKC, letters and digits only, upper-case: {@code "ab-123 cd"} becomes {@code "AB123CD"}.</li>
 * <li>{@code PHONE_NUMBER}: E.164, {@code +} and 7 to 15 digits; spaces, dots, dashes, slashes and brackets are
 *     dropped and a leading {@code 00} becomes {@code +}; a number without its country code is refused.</li>
 * <li>{@code EMAIL_ADDRESS}: lower-cased, the domain in ASCII (IDNA).</li>
 * <li>{@code URL}: scheme and host lower-cased (host in ASCII), default port and fragment dropped, {@code https://}
 *     assumed when no scheme is given, an empty path written as {@code /}; path and query kept as written.</li>
 * <li>{@code ONLINE_ACCOUNT}: lower-cased, a leading {@code @} dropped ({@code platform:handle} keeps its prefix).</li>
 * <li>{@code CRYPTO_WALLET}: lower-cased where the chain ignores case (Ethereum {@code 0x} hex, bech32
 *     {@code bc1}/{@code ltc1}/{@code tb1}); kept as written otherwise (base58 addresses are case-sensitive).</li>
 * </ul>
 *
 * @param entityId   unique within the report; relations between entities refer to it
 * @param value      as the analyst wrote it
 * @param normalised the normal form used for matching across reports and services (e.g. E.164 for phone numbers,
 *                   lower-cased host for URLs, case-folded and space-collapsed names); intel-service computes it
 */
public record IntelEntity(String entityId, EntityType type, @Identifies(kindFrom = "type") String value,
                          String normalised) {
}
