package io.jointops.platform.identifiers;

import io.jointops.api.shared.Identifies;
import io.jointops.identifiers.IdentifierKind;
import io.jointops.platform.axon.ContractEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind the contracts' {@code @Identifies} marks can name is one the identifiers module normalises: a kind added to
 * {@link Identifies.Kind} without its normalisation fails here, before an event of it is stored.
 */
class ContractIdentifiersTest {

    /** A value of each kind, as an officer would write it. */
    private static final Map<Identifies.Kind, String> WRITTEN = Map.ofEntries(
            entry(Identifies.Kind.PERSON_NAME, "张伟"),
            entry(Identifies.Kind.ORGANISATION_NAME, "张伟贸易有限公司"),
            entry(Identifies.Kind.LOCATION_NAME, "Manzanillo"),
            entry(Identifies.Kind.PHONE_NUMBER, "+1 (202) 555-0143"),
            entry(Identifies.Kind.EMAIL_ADDRESS, "Broker@Example.COM"),
            entry(Identifies.Kind.URL, "Market.Example.com/item/42"),
            entry(Identifies.Kind.ONLINE_ACCOUNT, "@precursor_broker"),
            entry(Identifies.Kind.IBAN, "DE89 3704 0044 0532 0130 00"),
            entry(Identifies.Kind.BANK_ACCOUNT, "0001-2345-6789"),
            entry(Identifies.Kind.CRYPTO_WALLET, "0xAbC0000000000000000000000000000000000001"),
            entry(Identifies.Kind.VESSEL, "IMO 9321483"),
            entry(Identifies.Kind.FLIGHT_NUMBER, "CA 0981"),
            entry(Identifies.Kind.VEHICLE, "ab-123 cd"),
            entry(Identifies.Kind.CAS_NUMBER, "21409-26-7"));

    @ParameterizedTest
    @EnumSource(Identifies.Kind.class)
    void everyKindOfTheContractsIsNormalisedAsTheModulesKindOfTheSameName(Identifies.Kind kind) {
        assertThat(ContractIdentifiers.kind(kind).name()).isEqualTo(kind.name());
        assertThat(WRITTEN).containsKey(kind);
        assertThat(ContractIdentifiers.of(kind, WRITTEN.get(kind), null).keys()).isNotEmpty();
    }

    @Test
    void everyMarkedEventOfTheContractsIsReadable() {
        assertThat(NamedIdentifiers.namers(ContractEvents.ALL)).isNotEmpty();
        ContractEvents.ALL.forEach(NamedIdentifiers::check);
        assertThat(Arrays.stream(IdentifierKind.values()).map(Enum::name))
                .containsAll(Arrays.stream(Identifies.Kind.values()).map(Enum::name).toList());
    }
}
