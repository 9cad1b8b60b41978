package io.jointops.platform.identifiers;

import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.ShipmentRegisteredEvent;
import io.jointops.api.chemicals.TransportMode;
import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.ReportedTransaction;
import io.jointops.api.finance.TransactionsReportedEvent;
import io.jointops.api.finance.WalletRef;
import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.IntelCategory;
import io.jointops.api.intel.IntelEntity;
import io.jointops.api.intel.IntelReportContent;
import io.jointops.api.intel.IntelReportDraftedEvent;
import io.jointops.api.intel.IntelReportReleaseWidenedEvent;
import io.jointops.api.intel.SourceReliability;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NamedIdentifier;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.axon.ContractEvents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static io.jointops.api.shared.Identifies.Kind.BANK_ACCOUNT;
import static io.jointops.api.shared.Identifies.Kind.CAS_NUMBER;
import static io.jointops.api.shared.Identifies.Kind.CRYPTO_WALLET;
import static io.jointops.api.shared.Identifies.Kind.IBAN;
import static io.jointops.api.shared.Identifies.Kind.ORGANISATION_NAME;
import static io.jointops.api.shared.Identifies.Kind.PERSON_NAME;
import static io.jointops.api.shared.Identifies.Kind.PHONE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which identifiers a message names, found by the contracts' {@code @Identifies} marks alone. */
class NamedIdentifiersTest {

    private static final List<Identifies.Kind> PARTY = List.of(PERSON_NAME, ORGANISATION_NAME);

    @Test
    void aShipmentNamesItsPartiesAsPersonsOrCompaniesAndItsSubstance() {
        Address address = new Address("1 Harbour Rd", "Tianjin", null, "CN");
        ShipmentRegisteredEvent shipment = new ShipmentRegisteredEvent("s1", "500 KG 4-AP", "CN-NNCC", null,
                Set.of("CN-NNCC"), new Party("Sino Reagents Ltd", address), new Party("Pacific Reagents LLC", address),
                new Party("张伟贸易有限公司", address), "4-AP", "21409-26-7", new BigDecimal("500"), QuantityUnit.KG,
                null, "machine parts", List.of("CN", "MX"), TransportMode.SEA, Tlp.AMBER, HandlingCode.H1);

        assertThat(NamedIdentifiers.of(shipment)).containsExactly(
                new NamedIdentifier("exporter.name", PARTY, "Sino Reagents Ltd", null),
                new NamedIdentifier("importer.name", PARTY, "Pacific Reagents LLC", null),
                new NamedIdentifier("consignee.name", PARTY, "张伟贸易有限公司", null),
                new NamedIdentifier("casNumber", List.of(CAS_NUMBER), "21409-26-7", null));
    }

    @Test
    void aBatchOfTransactionsNamesEachSidesHolderAccountAndWalletButNoEmptyOne() {
        TransactionsReportedEvent batch = new TransactionsReportedEvent("r1", 0, List.of(
                new ReportedTransaction("t1", LocalDate.of(2025, 3, 1), new BigDecimal("9500"), "USD", "WIRE",
                        "Zhang Wei", new AccountRef("DE89370400440532013000", null, null, "DE"), null,
                        "Pacific Reagents LLC", new AccountRef(null, "000123456789", "BOFAUS3N", "US"), null),
                new ReportedTransaction("t2", LocalDate.of(2025, 3, 2), new BigDecimal("1.5"), "BTC", "CRYPTO",
                        " ", null, new WalletRef("BTC", "bc1qexampleaddress"), null, null, null)));

        assertThat(NamedIdentifiers.of(batch)).containsExactly(
                new NamedIdentifier("transactions[0].fromName", PARTY, "Zhang Wei", null),
                new NamedIdentifier("transactions[0].fromAccount.iban", List.of(IBAN), "DE89370400440532013000", null),
                new NamedIdentifier("transactions[0].toName", PARTY, "Pacific Reagents LLC", null),
                new NamedIdentifier("transactions[0].toAccount.number", List.of(BANK_ACCOUNT), "000123456789", null),
                new NamedIdentifier("transactions[1].fromWallet.address", List.of(CRYPTO_WALLET), "bc1qexampleaddress", null));
    }

    @Test
    void anIntelligenceEntitySaysItsKindByItsType() {
        IntelReportContent content = new IntelReportContent("t", "s", "b", IntelCategory.values()[0],
                SourceReliability.values()[0], 2, Tlp.AMBER, HandlingCode.H1, "", Set.of(),
                List.of(new IntelEntity("e1", EntityType.PHONE_NUMBER, "+1 (202) 555-0143", "+12025550143"),
                        new IntelEntity("e2", EntityType.PERSON, "张伟", "张伟")),
                List.of(), null);

        assertThat(NamedIdentifiers.of(new IntelReportDraftedEvent("r1", "CN-NNCC", content))).containsExactly(
                new NamedIdentifier("content.entities[0].value", List.of(PHONE_NUMBER), "+1 (202) 555-0143", null),
                new NamedIdentifier("content.entities[1].value", List.of(PERSON_NAME), "张伟", null));
    }

    @Test
    void onlyEventsWithMarksCanName() {
        assertThat(NamedIdentifiers.canName(ShipmentRegisteredEvent.class)).isTrue();
        assertThat(NamedIdentifiers.canName(IntelReportDraftedEvent.class)).isTrue();
        assertThat(NamedIdentifiers.canName(IntelReportReleaseWidenedEvent.class)).isFalse();
        assertThat(NamedIdentifiers.of(new IntelReportReleaseWidenedEvent("r1", Set.of("US-DEA")))).isEmpty();
    }

    @Test
    void everyMarkOfTheContractsCanBeRead() {
        ContractEvents.ALL.forEach(NamedIdentifiers::check);
        assertThat(NamedIdentifiers.namers(ContractEvents.ALL)).isNotEmpty();
    }

    record Unreadable(@Identifies(kindFrom = "missing") String value) {
    }

    record NotText(@Identifies(kind = PHONE_NUMBER) Integer value) {
    }

    record BothKinds(EntityType type, @Identifies(kind = PHONE_NUMBER, kindFrom = "type") String value) {
    }

    @Test
    void aMarkThatCannotBeReadFailsItsCheckNamingTheComponent() {
        assertThatThrownBy(() -> NamedIdentifiers.check(Unreadable.class)).hasMessageContaining("Unreadable.value")
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> NamedIdentifiers.check(NotText.class)).hasMessageContaining("no String");
        assertThatThrownBy(() -> NamedIdentifiers.check(BothKinds.class)).hasMessageContaining("either kind or kindFrom");
    }
}
