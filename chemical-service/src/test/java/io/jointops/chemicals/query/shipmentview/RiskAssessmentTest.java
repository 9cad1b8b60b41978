package io.jointops.chemicals.query.shipmentview;

import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.Party;
import io.jointops.chemicals.command.ControlledPrecursors;
import io.jointops.chemicals.integration.IntelMentions;
import io.jointops.chemicals.query.controlview.NationalControlView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each risk indicator alone, its explanation in words, and the score. Which intelligence reports reach the assessment
 * (released to the reader, not withdrawn) is decided by {@code IntelMentions}: see ChemicalReplayIT and
 * PrecursorControlApiIT for that part.
 */
class RiskAssessmentTest {

    static final ControlledPrecursors REGISTRY = ControlledPrecursors.fromCsv(
            RiskAssessmentTest.class.getResourceAsStream("/precursors/precursors.csv"));
    static final ControlledPrecursors.Precursor FOUR_AP = REGISTRY.byName("4-AP").orElseThrow();
    static final Instant AT = Instant.parse("2026-12-21T08:00:00Z");
    static final Party HUBEI = new Party("Hubei Fine Chemicals", new Address("1 Gaoxin Road", "Wuhan", null, "CN"));
    static final Party PACIFIC = new Party("Pacific Reagents LLC", new Address("400 Harbor Blvd", "Long Beach", "90802", "US"));

    /** A clean shipment: 500 kg under a licence of 500 kg, declared as 4-AP, via KR, seen nowhere off route. */
    static ShipmentView shipment(String quantity, String licensed, String declaredGoods, List<ShipmentView.Movement> movements) {
        return new ShipmentView("shp-1", "500 KG 4-AP to Pacific Reagents LLC", "DEPARTED", "CN-CUSTOMS", "pen-1",
                List.of("CN-CUSTOMS", "US-DEA"), HUBEI, PACIFIC, PACIFIC, "4-AP", "23056-29-3", new BigDecimal(quantity),
                "KG", licensed == null ? null : new BigDecimal(licensed), declaredGoods, List.of("KR"), "SEA", "TLP:AMBER",
                "H1", movements, List.of(), List.of(), null, List.of(), 1, AT, "cn.chemical", AT, null);
    }

    static ShipmentView clean() {
        return shipment("500", "500", "4-Anilinopiperidine, CAS 23056-29-3",
                List.of(movement("Port of Wuhan", "CN"), movement("Busan", "KR"), movement("Port of Long Beach", "US")));
    }

    static ShipmentView.Movement movement(String place, String country) {
        return new ShipmentView.Movement("AT_WAYPOINT", place, country, AT, null, "US-DEA", AT);
    }

    static NationalControlView control(String threshold, String unit) {
        return new NationalControlView("ctl-1", "IN_FORCE", "US-DEA", FOUR_AP.name(), FOUR_AP.casNumber(), "US",
                "21 CFR 1310.04", threshold == null ? null : new BigDecimal(threshold), unit, List.of("US-DEA"), 0, AT, "us.chemical");
    }

    private static ShipmentView.Risk assess(ShipmentView shipment, List<NationalControlView> controls,
                                            List<IntelMentions.Mention> mentions, long noReplies) {
        return RiskAssessment.assess(shipment, Optional.of(FOUR_AP), controls, mentions, noReplies, 2);
    }

    @Test
    void aCleanShipmentHasNoIndicatorAndScoresZero() {
        ShipmentView.Risk risk = assess(clean(), List.of(control("1000", "KG")), List.of(), 1);
        assertThat(risk.indicators()).isEmpty();
        assertThat(risk.score()).isZero();
    }

    @Test
    void aQuantityAboveTheLicence() {
        ShipmentView.Risk risk = assess(shipment("650", "500", "4-AP", List.of()), List.of(), List.of(), 0);
        assertThat(risk.indicators()).singleElement().satisfies(indicator -> {
            assertThat(indicator.code()).isEqualTo("QUANTITY_ABOVE_LICENCE");
            assertThat(indicator.weight()).isEqualTo(RiskAssessment.QUANTITY_ABOVE_LICENCE);
            assertThat(indicator.reason()).isEqualTo(
                    "The shipment carries 650 KG, more than the 500 KG its licence or notification covers.");
        });
        assertThat(risk.score()).isEqualTo(30);
        assertThat(assess(shipment("500.000", "500", "4-AP", List.of()), List.of(), List.of(), 0).indicators())
                .as("equal to the licence").isEmpty();
        assertThat(assess(shipment("650", null, "4-AP", List.of()), List.of(), List.of(), 0).indicators())
                .as("no licence to compare with").isEmpty();
    }

    @Test
    void aQuantityAboveTheImportingCountrysNationalThreshold() {
        ShipmentView.Risk risk = assess(clean(), List.of(control(null, null), control("0.5", "KG")), List.of(), 0);
        assertThat(risk.indicators()).singleElement().satisfies(indicator -> {
            assertThat(indicator.code()).isEqualTo("QUANTITY_ABOVE_NATIONAL_THRESHOLD");
            assertThat(indicator.weight()).isEqualTo(20);
            assertThat(indicator.reason()).isEqualTo(
                    "The shipment carries 500 KG, above the threshold of 0.5 KG that US sets (21 CFR 1310.04).");
        });
        assertThat(assess(clean(), List.of(control("0.5", "L")), List.of(), 0).indicators())
                .as("a threshold in another unit is not compared").isEmpty();
        assertThat(assess(clean(), List.of(control("500", "KG")), List.of(), 0).indicators())
                .as("at the threshold").isEmpty();
        assertThat(assess(clean(), List.of(control("1", "KG"), control("2", "KG")), List.of(), 0).indicators())
                .as("counted once").hasSize(1);
    }

    @Test
    void aMovementThroughACountryOffTheDeclaredRoute() {
        ShipmentView shipment = shipment("500", "500", "4-AP", List.of(movement("Port of Wuhan", "CN"),
                movement("Busan", "KR"), movement("Manzanillo", "MX"), movement("Port of Long Beach", "US")));
        ShipmentView.Risk risk = assess(shipment, List.of(), List.of(), 0);
        assertThat(risk.indicators()).singleElement().satisfies(indicator -> {
            assertThat(indicator.code()).isEqualTo("ROUTE_DEVIATION");
            assertThat(indicator.weight()).isEqualTo(25);
            assertThat(indicator.reason()).isEqualTo(
                    "The shipment passed through MX (Manzanillo), not on its declared route CN - KR - US.");
        });
    }

    @Test
    void anImporterOrConsigneeNamedInIntelligenceTheReaderMaySee() {
        List<IntelMentions.Mention> mentions = List.of(
                new IntelMentions.Mention("intel-9", "Fentanyl network Sinaloa", "pacific reagents llc"),
                new IntelMentions.Mention("intel-9", "Fentanyl network Sinaloa", "pacific reagents"),
                new IntelMentions.Mention("intel-12", "Front companies in Long Beach", "pacific reagents llc"));
        ShipmentView.Risk risk = assess(clean(), List.of(), mentions, 0);
        assertThat(risk.indicators()).singleElement().satisfies(indicator -> {
            assertThat(indicator.code()).isEqualTo("NAMED_IN_INTELLIGENCE");
            assertThat(indicator.weight()).isEqualTo(35);
            assertThat(indicator.reason()).isEqualTo("The importer or consignee is named in intelligence report "
                    + "'Fentanyl network Sinaloa' (intel-9), 'Front companies in Long Beach' (intel-12).");
        });
        // a report released only to another agency, or withdrawn, is not among the reader's mentions
        assertThat(assess(clean(), List.of(), List.of(), 0).indicators()).isEmpty();
    }

    @Test
    void declaredGoodsThatDoNotNameTheSubstance() {
        ShipmentView.Risk risk = assess(shipment("500", "500", "industrial cleaning agent", List.of()), List.of(), List.of(), 0);
        assertThat(risk.indicators()).singleElement().satisfies(indicator -> {
            assertThat(indicator.code()).isEqualTo("GOODS_MISMATCH");
            assertThat(indicator.weight()).isEqualTo(25);
            assertThat(indicator.reason()).isEqualTo("The declared goods 'industrial cleaning agent' do not name "
                    + "4-Anilinopiperidine (4-AP) (CAS RN 23056-29-3).");
        });
        for (String named : List.of("4-AP", "CAS 23056-29-3", "N-Phenylpiperidin-4-amine 99%", "4-ANILINOPIPERIDINE")) {
            assertThat(RiskAssessment.namesSubstance(named, FOUR_AP)).as(named).isTrue();
        }
        assertThat(RiskAssessment.namesSubstance("piperidine derivative", FOUR_AP)).isFalse();
        assertThat(RiskAssessment.assess(shipment("500", "500", "anything", List.of()), Optional.empty(), List.of(),
                List.of(), 0, 2).indicators()).as("a substance the registry does not know is not compared").isEmpty();
    }

    @Test
    void repeatedNoReplyForTheSameImporterFromTheThreshold() {
        assertThat(assess(clean(), List.of(), List.of(), 1).indicators()).isEmpty();
        ShipmentView.Risk risk = assess(clean(), List.of(), List.of(), 2);
        assertThat(risk.indicators()).singleElement().satisfies(indicator -> {
            assertThat(indicator.code()).isEqualTo("REPEATED_NO_REPLY");
            assertThat(indicator.weight()).isEqualTo(20);
            assertThat(indicator.reason()).isEqualTo("2 pre-export notifications for the importer Pacific Reagents LLC "
                    + "went unanswered by the importing authority (\"no reply\").");
        });
    }

    @Test
    void theScoreSumsTheWeightsInIndicatorOrderAndIsCappedAt100() {
        ShipmentView shipment = shipment("650", "500", "industrial cleaning agent", List.of(movement("Manzanillo", "MX")));
        ShipmentView.Risk three = assess(shipment, List.of(), List.of(), 0);
        assertThat(three.indicators()).extracting(ShipmentView.Indicator::code)
                .containsExactly("QUANTITY_ABOVE_LICENCE", "ROUTE_DEVIATION", "GOODS_MISMATCH");
        assertThat(three.score()).isEqualTo(30 + 25 + 25);

        ShipmentView.Risk all = assess(shipment, List.of(control("1", "KG")),
                List.of(new IntelMentions.Mention("intel-9", "Fentanyl network Sinaloa", "pacific reagents llc")), 3);
        assertThat(all.indicators()).extracting(ShipmentView.Indicator::code).containsExactly("QUANTITY_ABOVE_LICENCE",
                "QUANTITY_ABOVE_NATIONAL_THRESHOLD", "ROUTE_DEVIATION", "NAMED_IN_INTELLIGENCE", "GOODS_MISMATCH",
                "REPEATED_NO_REPLY");
        int sum = new ArrayList<>(all.indicators()).stream().mapToInt(ShipmentView.Indicator::weight).sum();
        assertThat(sum).isEqualTo(155);
        assertThat(all.score()).isEqualTo(100);
    }
}
