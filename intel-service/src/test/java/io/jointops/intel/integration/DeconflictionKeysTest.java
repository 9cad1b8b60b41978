package io.jointops.intel.integration;

import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.ShipmentRegisteredEvent;
import io.jointops.api.chemicals.TransportMode;
import io.jointops.api.finance.ReportedTransaction;
import io.jointops.api.finance.TransactionsReportedEvent;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.NamedIdentifier;
import io.jointops.api.shared.Tlp;
import io.jointops.identifiers.MatchRule;
import io.jointops.platform.identifiers.NamedIdentifiers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.jointops.api.shared.Identifies.Kind.PHONE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

/** What deconfliction indexes of an event, and how two agencies' keys meet. */
class DeconflictionKeysTest {

    private static final Address ADDRESS = new Address("1 Harbour Rd", "Tianjin", null, "CN");

    static ShipmentRegisteredEvent shipment(String consignee) {
        return new ShipmentRegisteredEvent("s1", "500 KG 4-AP", "CN-NNCC", null, Set.of("CN-NNCC"),
                new Party("张伟贸易有限公司", ADDRESS), new Party("Pacific Reagents LLC", ADDRESS),
                new Party(consignee, ADDRESS), "4-AP", "21409-26-7", new BigDecimal("500"), QuantityUnit.KG, null,
                "machine parts", List.of("CN", "MX"), TransportMode.SEA, Tlp.AMBER, HandlingCode.H1);
    }

    static TransactionsReportedEvent transfer(String counterparty) {
        return new TransactionsReportedEvent("r1", 0, List.of(new ReportedTransaction("t1", LocalDate.of(2025, 3, 1),
                new BigDecimal("9500"), "USD", "WIRE", "Pacific Reagents LLC", null, null, counterparty, null, null)));
    }

    /** The strongest rule by which any key of one list meets a key of the other, within one family, as the index does. */
    static Optional<MatchRule> meet(List<DeconflictionMatcher.Key> mine, List<DeconflictionMatcher.Key> theirs) {
        MatchRule best = null;
        for (DeconflictionMatcher.Key a : mine) {
            for (DeconflictionMatcher.Key b : theirs) {
                if (a.family().equals(b.family()) && a.indexKey().equals(b.indexKey())) {
                    MatchRule rule = MatchRule.combine(MatchRule.ofId(a.rule()), MatchRule.ofId(b.rule())).orElse(null);
                    if (rule != null) {
                        best = best == null ? rule : MatchRule.stronger(best, rule);
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<DeconflictionMatcher.Key> keys(Object event, String path) {
        return DeconflictionMatcher.keys(NamedIdentifiers.of(event)).stream()
                .filter(key -> key.path().equals(path)).toList();
    }

    @Test
    void aConsigneeInChineseCharactersMeetsACounterpartyInPinyinAsSimilar() {
        Optional<MatchRule> rule = meet(keys(shipment("张伟"), "consignee.name"),
                keys(transfer("Zhang Wei"), "transactions[0].toName"));

        assertThat(rule).contains(MatchRule.PINYIN);
        assertThat(rule.orElseThrow().strength().name()).isEqualTo("SIMILAR");
        // the name order does not matter
        assertThat(meet(keys(shipment("张伟"), "consignee.name"), keys(transfer("WEI, Zhang"), "transactions[0].toName")))
                .isPresent();
    }

    @Test
    void theSameCompanyWrittenDifferentlyIsEquivalentAndAnotherNameIsNoMatch() {
        assertThat(meet(keys(shipment("x"), "importer.name"), keys(transfer("x"), "transactions[0].fromName")))
                .contains(MatchRule.EXACT);
        assertThat(meet(keys(shipment("PACIFIC REAGENTS, LLC"), "consignee.name"),
                keys(transfer("x"), "transactions[0].fromName"))).contains(MatchRule.CASE_AND_PUNCTUATION);
        assertThat(meet(keys(shipment("张伟"), "consignee.name"), keys(transfer("Li Na"), "transactions[0].toName")))
                .isEmpty();
        // a company named after a person is not that person: its pinyin runs on into the company's words
        assertThat(meet(keys(shipment("x"), "exporter.name"), keys(transfer("Zhang Wei"), "transactions[0].toName")))
                .isEmpty();
    }

    @Test
    void substancesAndPlacesAreNoTargetsAndARefusedValueIsLeftOut() {
        assertThat(keys(shipment("x"), "casNumber")).isEmpty();
        List<DeconflictionMatcher.Key> phone = DeconflictionMatcher.keys(List.of(
                new NamedIdentifier("entities[0].value", List.of(PHONE_NUMBER), "(202) 555-0143", null),
                new NamedIdentifier("entities[1].value", List.of(PHONE_NUMBER), "(202) 555-0143", "US")));
        assertThat(phone).isNotEmpty().allMatch(key -> key.path().equals("entities[1].value"));
        assertThat(phone).anyMatch(key -> key.indexKey().equals("e164:+12025550143"));
    }

    @Test
    void theContextIsTheContractsPackage() {
        assertThat(DeconflictionMatcher.context(shipment("x"))).isEqualTo("chemicals");
        assertThat(DeconflictionMatcher.context(transfer("x"))).isEqualTo("finance");
    }
}
