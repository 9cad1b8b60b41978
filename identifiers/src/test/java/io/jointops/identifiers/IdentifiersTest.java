package io.jointops.identifiers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Canonical forms and refusals of every kind (the cases intel's former EntityNormaliser was tested with among them). */
class IdentifiersTest {

    @ParameterizedTest(name = "{0} ''{1}'' -> ''{2}''")
    @CsvSource(delimiter = '|', value = {
            "PHONE_NUMBER      | +86 10 1234 5678          | +861012345678",
            "PHONE_NUMBER      | 0086-10-1234-5678         | +861012345678",
            "PHONE_NUMBER      | +1 (202) 555.0147         | +12025550147",
            "PHONE_NUMBER      | +52 55/1234 5678          | +525512345678",
            "PHONE_NUMBER      | ＋８６ １０ １２３４ ５６７８  | +861012345678",
            "EMAIL_ADDRESS     | Broker@Example.COM        | broker@example.com",
            "EMAIL_ADDRESS     | ventas@Bücher.example     | ventas@xn--bcher-kva.example",
            "URL               | HTTPS://Market.Example.ONION:443/Listing/42?ref=A#top | https://market.example.onion/Listing/42?ref=A",
            "URL               | shop.example.com          | https://shop.example.com/",
            "URL               | http://Shop.Example.com:8080 | http://shop.example.com:8080/",
            "URL               | Shop.Example.com:8080/x   | https://shop.example.com:8080/x",
            "URL               | https://bücher.example/x  | https://xn--bcher-kva.example/x",
            "ORGANISATION_NAME | ACME Trading Co., Ltd.    | acme trading co ltd",
            "ORGANISATION_NAME | acme   TRADING co ltd     | acme trading co ltd",
            "ORGANISATION_NAME | Straße GmbH               | strasse gmbh",
            "ORGANISATION_NAME | Ｈｅｂｅｉ　Ｃｈｅｍ          | hebei chem",
            "PERSON_NAME       | O'Brien,  Seán            | obrien seán",
            "PERSON_NAME       | 张伟                       | 张伟",
            "LOCATION_NAME     | Port of Rotterdam         | port of rotterdam",
            "VEHICLE           | ab-123 cd                 | AB123CD",
            "VESSEL            | IMO 9074729               | IMO9074729",
            "VESSEL            | imo9074729                | IMO9074729",
            "VESSEL            | MSC Gülsün                | msc gülsün",
            "ONLINE_ACCOUNT    | @Fent_Vendor              | fent_vendor",
            "ONLINE_ACCOUNT    | Telegram:@Fent_Vendor     | telegram:fent_vendor",
            "CRYPTO_WALLET     | 0x52908400098527886E0F7030069857D2E4169EE7 | 0x52908400098527886e0f7030069857d2e4169ee7",
            "CRYPTO_WALLET     | BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ | bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "CRYPTO_WALLET     | 1BoatSLRHtKNngkdXEeobR76b53LETtpyT | 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
            "IBAN              | de89 3704 0044 0532 0130 00 | DE89370400440532013000",
            "IBAN              | GB82-WEST-1234-5698-7654-32 | GB82WEST12345698765432",
            "IBAN              | ＤＥ８９３７０４００４４０５３２０１３０００ | DE89370400440532013000",
            "BANK_ACCOUNT      | 0532 0130-00              | 0532013000",
            "BANK_ACCOUNT      | de89 3704 0044 0532 0130 00 | DE89370400440532013000",
            "FLIGHT_NUMBER     | CA 981                    | CA981",
            "FLIGHT_NUMBER     | ca0981                    | CA981",
            "FLIGHT_NUMBER     | U2-1234A                  | U21234A",
            "FLIGHT_NUMBER     | CCA 981                   | CCA981",
            "CAS_NUMBER        | 79-10-7                   | 79-10-7",
            "CAS_NUMBER        | 0000079-10-7              | 79-10-7",
            "CAS_NUMBER        | 19099-93-5                | 19099-93-5",
            "CAS_NUMBER        | 19099935                  | 19099-93-5",
            "CAS_NUMBER        | ７９－１０－７                | 79-10-7",
    })
    void givesTheCanonicalForm(IdentifierKind kind, String value, String canonical) {
        assertThat(Identifiers.of(kind, value).canonical()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} ''{1}'' is refused: {2}")
    @CsvSource(delimiter = '|', value = {
            "PHONE_NUMBER      | 010 1234 5678        | country code",
            "PHONE_NUMBER      | +0 1234 5678         | no valid country code",
            "PHONE_NUMBER      | +1234567890123456    | too long",
            "PHONE_NUMBER      | +86 12               | too short",
            "PHONE_NUMBER      | call me              | no international phone number",
            "EMAIL_ADDRESS     | broker.example.com   | e-mail",
            "URL               | ftp://example.com/x  | http(s)",
            "URL               | mailto:x@example.com | http(s)",
            "URL               | tel:+8610123456      | http(s)",
            "URL               | https://exa mple.com | URL",
            "VESSEL            | IMO 9074728          | check digit",
            "ORGANISATION_NAME | '...'                | letters",
            "PERSON_NAME       | '-- ,'               | letters",
            "CRYPTO_WALLET     | 0x52 9084            | without spaces",
            "ONLINE_ACCOUNT    | @                    | handle",
            "IBAN              | DE89 3704 0044 0532 0130 01 | check digits",
            "IBAN              | DE89 3704 0044 0532 0130 0  | 22 characters",
            "IBAN              | US12 3456 7890 1234  | US does not use IBANs",
            "IBAN              | 1234                 | country code, two check digits",
            "BANK_ACCOUNT      | ACCOUNT              | account number",
            "FLIGHT_NUMBER     | 981                  | flight number",
            "FLIGHT_NUMBER     | CA 98100             | flight number",
            "CAS_NUMBER        | 79-10-8              | check digit",
            "CAS_NUMBER        | 7-10-7               | CAS registry number",
    })
    void refusesWithASentenceForTheWriter(IdentifierKind kind, String value, String because) {
        assertThatThrownBy(() -> Identifiers.of(kind, value))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining(because)
                .extracting(e -> ((InvalidIdentifierException) e).part()).isEqualTo(InvalidIdentifierException.Part.VALUE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"PERSON_NAME", "PHONE_NUMBER", "URL", "IBAN", "CAS_NUMBER"})
    void refusesBlankValues(IdentifierKind kind) {
        assertThatThrownBy(() -> Identifiers.of(kind, "  ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> Identifiers.of(kind, "\u3000")).hasMessageContaining("blank"); // an ideographic space
        assertThatThrownBy(() -> Identifiers.of(kind, null)).hasMessageContaining("blank");
    }

    @Test
    void exactKeyIsTheTextAfterNfkcWithItsWhitespaceCollapsed() {
        Identifier wide = Identifiers.of(IdentifierKind.ORGANISATION_NAME, "  Ｈｅｂｅｉ　\t Ｃｈｅｍ ");
        assertThat(wide.keys().get(0)).isEqualTo(new MatchKey(MatchRule.EXACT, "Hebei Chem"));
        assertThat(wide.matches(Identifiers.of(IdentifierKind.ORGANISATION_NAME, "Hebei Chem"))).contains(MatchRule.EXACT);
    }

    @Test
    void isDeterministicAndSafeToUseFromManyThreadsAtOnce() {
        List<String> names = List.of("张伟", "歐陽娜娜", "Zhāng Wěi", "吕布", "北京华信贸易有限公司", "單田芳", "Łukasz Żółć");
        List<Identifier> once = names.stream().map(name -> Identifiers.of(IdentifierKind.PERSON_NAME, name)).toList();
        List<List<Identifier>> inParallel = IntStream.range(0, 64).parallel()
                .mapToObj(i -> names.stream().map(name -> Identifiers.of(IdentifierKind.PERSON_NAME, name)).toList())
                .toList();
        assertThat(inParallel).allSatisfy(result -> assertThat(result).isEqualTo(once));
    }

    @Test
    void keysAreDistinctAndStrongestFirst() {
        for (Identifier identifier : List.of(Identifiers.of(IdentifierKind.PERSON_NAME, "张伟"),
                Identifiers.of(IdentifierKind.PERSON_NAME, "Zhang Wei"), Identifiers.of(IdentifierKind.PERSON_NAME, "吕布"),
                Identifiers.of(IdentifierKind.ORGANISATION_NAME, "ACME"), Identifiers.of(IdentifierKind.PERSON_NAME, "單田芳"),
                Identifiers.of(IdentifierKind.BANK_ACCOUNT, "DE89 3704 0044 0532 0130 00"),
                Identifiers.of(IdentifierKind.PHONE_NUMBER, "+1 202 555 0143"),
                Identifiers.of(IdentifierKind.VESSEL, "IMO 9074729"))) {
            List<MatchKey> keys = identifier.keys();
            assertThat(keys).extracting(MatchKey::indexKey).doesNotHaveDuplicates();
            assertThat(keys).extracting(MatchKey::rule).isSortedAccordingTo(Enum::compareTo);
        }
    }
}
