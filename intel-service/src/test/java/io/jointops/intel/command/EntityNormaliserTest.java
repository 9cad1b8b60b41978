package io.jointops.intel.command;

import io.jointops.api.intel.EntityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityNormaliserTest {

    @ParameterizedTest(name = "{0} ''{1}'' -> ''{2}''")
    @CsvSource(delimiter = '|', value = {
            "PHONE_NUMBER   | +86 10 1234 5678          | +861012345678",
            "PHONE_NUMBER   | 0086-10-1234-5678         | +861012345678",
            "PHONE_NUMBER   | +1 (202) 555.0147         | +12025550147",
            "PHONE_NUMBER   | +52 55/1234 5678          | +525512345678",
            "PHONE_NUMBER   | ＋８６ １０ １２３４ ５６７８  | +861012345678",
            "EMAIL_ADDRESS  | Broker@Example.COM        | broker@example.com",
            "EMAIL_ADDRESS  | ventas@Bücher.example     | ventas@xn--bcher-kva.example",
            "URL            | HTTPS://Market.Example.ONION:443/Listing/42?ref=A#top | https://market.example.onion/Listing/42?ref=A",
            "URL            | shop.example.com          | https://shop.example.com/",
            "URL            | http://Shop.Example.com:8080 | http://shop.example.com:8080/",
            "URL            | Shop.Example.com:8080/x   | https://shop.example.com:8080/x",
            "URL            | https://bücher.example/x  | https://xn--bcher-kva.example/x",
            "ORGANISATION   | ACME Trading Co., Ltd.    | acme trading co ltd",
            "ORGANISATION   | acme   TRADING co ltd     | acme trading co ltd",
            "ORGANISATION   | Straße GmbH               | strasse gmbh",
            "ORGANISATION   | Ｈｅｂｅｉ　Ｃｈｅｍ          | hebei chem",
            "PERSON         | O'Brien,  Seán            | obrien seán",
            "LOCATION       | Port of Rotterdam         | port of rotterdam",
            "VEHICLE        | ab-123 cd                 | AB123CD",
            "VESSEL         | IMO 9074729               | IMO9074729",
            "VESSEL         | imo9074729                | IMO9074729",
            "VESSEL         | MSC Gülsün                | msc gülsün",
            "ONLINE_ACCOUNT | @Fent_Vendor              | fent_vendor",
            "ONLINE_ACCOUNT | Telegram:@Fent_Vendor     | telegram:fent_vendor",
            "CRYPTO_WALLET  | 0x52908400098527886E0F7030069857D2E4169EE7 | 0x52908400098527886e0f7030069857d2e4169ee7",
            "CRYPTO_WALLET  | BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ | bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "CRYPTO_WALLET  | 1BoatSLRHtKNngkdXEeobR76b53LETtpyT | 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
    })
    void normalises(EntityType type, String value, String normalised) {
        assertThat(EntityNormaliser.normalise(type, value)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0} ''{1}'' is refused")
    @CsvSource(delimiter = '|', value = {
            "PHONE_NUMBER   | 010 1234 5678        | country code",
            "PHONE_NUMBER   | +0 1234 5678         | country code",
            "PHONE_NUMBER   | +1234567890123456    | country code",
            "EMAIL_ADDRESS  | broker.example.com   | e-mail",
            "URL            | ftp://example.com/x  | http(s)",
            "URL            | mailto:x@example.com | http(s)",
            "URL            | tel:+8610123456      | http(s)",
            "URL            | https://exa mple.com | URL",
            "VESSEL         | IMO 9074728          | check digit",
            "ORGANISATION   | '...'                | letters",
            "CRYPTO_WALLET  | 0x52 9084            | without spaces",
            "ONLINE_ACCOUNT | @                    | handle",
    })
    void refuses(EntityType type, String value, String because) {
        assertThatThrownBy(() -> EntityNormaliser.normalise(type, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(because);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"PERSON", "PHONE_NUMBER", "URL"})
    void refusesBlankValues(EntityType type) {
        assertThatThrownBy(() -> EntityNormaliser.normalise(type, "  ")).hasMessageContaining("blank");
    }
}
