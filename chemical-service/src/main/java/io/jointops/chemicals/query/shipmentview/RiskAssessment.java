package io.jointops.chemicals.query.shipmentview;

import io.jointops.chemicals.command.ControlledPrecursors;
import io.jointops.chemicals.integration.IntelMentions;
import io.jointops.chemicals.query.controlview.NationalControlView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The risk indicators of a shipment, each explained in words, and the score: the indicators' weights summed, at most
 * 100. Pure: the caller gathers what the reading agency may know (intelligence released to it, notifications it sees).
 */
final class RiskAssessment {

    static final int QUANTITY_ABOVE_LICENCE = 30;
    static final int QUANTITY_ABOVE_NATIONAL_THRESHOLD = 20;
    static final int ROUTE_DEVIATION = 25;
    static final int NAMED_IN_INTELLIGENCE = 35;
    static final int GOODS_MISMATCH = 25;
    static final int REPEATED_NO_REPLY = 20;

    private RiskAssessment() {
    }

    /**
     * @param precursor     the registry's entry of the shipment's substance, if known
     * @param controls      the national controls of the importing country for the substance
     * @param mentions      intelligence reports the reader may see that name the importer or the consignee
     * @param noReplyCount  notifications the reader sees for the same importer that ended "no reply"
     * @param noReplyThreshold how many make the indicator
     */
    static ShipmentView.Risk assess(ShipmentView shipment, Optional<ControlledPrecursors.Precursor> precursor,
                                    List<NationalControlView> controls, List<IntelMentions.Mention> mentions,
                                    long noReplyCount, int noReplyThreshold) {
        List<ShipmentView.Indicator> indicators = new ArrayList<>();
        String quantity = shipment.quantity().stripTrailingZeros().toPlainString() + " " + shipment.unit();
        if (shipment.licensedQuantity() != null && shipment.quantity().compareTo(shipment.licensedQuantity()) > 0) {
            indicators.add(new ShipmentView.Indicator("QUANTITY_ABOVE_LICENCE", QUANTITY_ABOVE_LICENCE,
                    "The shipment carries " + quantity + ", more than the " + shipment.licensedQuantity().stripTrailingZeros().toPlainString()
                            + " " + shipment.unit() + " its licence or notification covers."));
        }
        for (NationalControlView control : controls) {
            if (control.thresholdQuantity() != null && shipment.unit().equals(control.unit())
                    && shipment.quantity().compareTo(control.thresholdQuantity()) > 0) {
                indicators.add(new ShipmentView.Indicator("QUANTITY_ABOVE_NATIONAL_THRESHOLD", QUANTITY_ABOVE_NATIONAL_THRESHOLD,
                        "The shipment carries " + quantity + ", above the threshold of "
                                + control.thresholdQuantity().stripTrailingZeros().toPlainString() + " " + control.unit()
                                + " that " + control.country() + " sets (" + control.legalReference() + ")."));
                break;
            }
        }
        // in travel order, so the explanation reads as the route: export country, transit countries, import country
        Set<String> declared = new LinkedHashSet<>();
        declared.add(shipment.exporter().address().country());
        declared.addAll(shipment.declaredRoute());
        declared.add(shipment.importer().address().country());
        declared.add(shipment.consignee().address().country());
        Set<String> offRoute = new LinkedHashSet<>();
        for (ShipmentView.Movement movement : shipment.movements()) {
            if (!declared.contains(movement.country())) {
                offRoute.add(movement.country() + " (" + movement.place() + ")");
            }
        }
        if (!offRoute.isEmpty()) {
            indicators.add(new ShipmentView.Indicator("ROUTE_DEVIATION", ROUTE_DEVIATION,
                    "The shipment passed through " + String.join(", ", offRoute) + ", not on its declared route "
                            + String.join(" - ", declared) + "."));
        }
        if (!mentions.isEmpty()) {
            Set<String> reports = new LinkedHashSet<>();
            mentions.forEach(mention -> reports.add("'" + mention.title() + "' (" + mention.reportId() + ")"));
            indicators.add(new ShipmentView.Indicator("NAMED_IN_INTELLIGENCE", NAMED_IN_INTELLIGENCE,
                    "The importer or consignee is named in intelligence report " + String.join(", ", reports) + "."));
        }
        if (precursor.isPresent() && !namesSubstance(shipment.declaredGoods(), precursor.get())) {
            indicators.add(new ShipmentView.Indicator("GOODS_MISMATCH", GOODS_MISMATCH,
                    "The declared goods '" + shipment.declaredGoods() + "' do not name " + precursor.get().name()
                            + (precursor.get().casNumber() == null ? "" : " (CAS RN " + precursor.get().casNumber() + ")") + "."));
        }
        if (noReplyCount >= noReplyThreshold) {
            indicators.add(new ShipmentView.Indicator("REPEATED_NO_REPLY", REPEATED_NO_REPLY,
                    noReplyCount + " pre-export notifications for the importer " + shipment.importer().name()
                            + " went unanswered by the importing authority (\"no reply\")."));
        }
        int score = Math.min(100, indicators.stream().mapToInt(ShipmentView.Indicator::weight).sum());
        return new ShipmentView.Risk(score, List.copyOf(indicators));
    }

    /** The declared goods name the substance if they give its CAS RN or one of its registry names. */
    static boolean namesSubstance(String declaredGoods, ControlledPrecursors.Precursor precursor) {
        String text = " " + declaredGoods.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + " ";
        if (precursor.casNumber() != null && text.contains(precursor.casNumber())) {
            return true;
        }
        return ControlledPrecursors.namesOf(precursor).stream()
                .anyMatch(name -> name.length() >= 3 && text.contains(name));
    }
}
