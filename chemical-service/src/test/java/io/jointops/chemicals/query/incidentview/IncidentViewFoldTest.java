package io.jointops.chemicals.query.incidentview;

import io.jointops.api.chemicals.IncidentCaseLeadProposedEvent;
import io.jointops.api.chemicals.IncidentLinkedToCaseEvent;
import io.jointops.api.chemicals.IncidentReportedEvent;
import io.jointops.api.chemicals.IncidentType;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.audit.AuditMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentViewFoldTest {

    static final String ID = "inc-1";
    static final Instant T0 = Instant.parse("2026-12-28T10:00:00Z");

    private final List<DomainEventMessage<?>> events = new ArrayList<>();

    private void event(Object payload) {
        events.add(new GenericDomainEventMessage<>("Incident", ID, events.size(), payload,
                MetaData.from(Map.of(AuditMetadata.ACTOR, "cn.chemical")), "m-" + events.size(),
                T0.plusSeconds(60L * events.size())));
    }

    private static IncidentReportedEvent reported() {
        return new IncidentReportedEvent(ID, "Seizure of 120 KG 4-Anilinopiperidine (4-AP) at Port of Shanghai",
                "CN-CUSTOMS", IncidentType.SEIZURE, "4-Anilinopiperidine (4-AP)", "23056-29-3", "I",
                new BigDecimal("120"), QuantityUnit.KG, "Port of Shanghai", "CN", LocalDate.of(2026, 12, 28),
                "drums", "front company", "shp-1", Set.of("US-DEA", "NL-FIOD"), Tlp.AMBER, HandlingCode.H1);
    }

    @Test
    void theReportIsVisibleToTheSeizingAgencyAndThoseItIsReleasedTo() {
        event(reported());
        IncidentView view = IncidentViewFold.fold(events).orElseThrow();
        assertThat(view.status()).isEqualTo("REPORTED");
        assertThat(view.type()).isEqualTo("SEIZURE");
        assertThat(view.releasedTo()).containsExactly("NL-FIOD", "US-DEA");
        assertThat(view.agencies()).containsExactly("CN-CUSTOMS", "NL-FIOD", "US-DEA");
        assertThat(view.visibleTo("CN-CUSTOMS")).isTrue();
        assertThat(view.visibleTo("MX-FGR")).isFalse();
        assertThat(view.table()).isEqualTo("I");
        assertThat(view.unit()).isEqualTo("KG");
        assertThat(view.tlp()).isEqualTo("TLP:AMBER");
        assertThat(view.reportedBy()).isEqualTo("cn.chemical");
        assertThat(view.caseLeadId()).isNull();
        assertThat(view.linkedCases()).isEmpty();
        assertThat(view.version()).isZero();
    }

    @Test
    void theCaseLeadAndTheLinkedCasesFollow() {
        event(reported());
        event(new IncidentCaseLeadProposedEvent(ID, "lead-1", "fentanyl precursor"));
        event(new IncidentLinkedToCaseEvent(ID, "case-1", "t", "REPORTED"));
        event("something else");
        IncidentView view = IncidentViewFold.fold(events).orElseThrow();
        assertThat(view.caseLeadId()).isEqualTo("lead-1");
        assertThat(view.caseLeadReason()).isEqualTo("fentanyl precursor");
        assertThat(view.linkedCases()).containsExactly("case-1");
        assertThat(view.version()).as("an event the view does not follow leaves it as it was").isEqualTo(2);
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(view.createdAt()).isEqualTo(T0);
    }

    @Test
    void nothingBeforeTheReport() {
        event(new IncidentCaseLeadProposedEvent(ID, "lead-1", "r"));
        assertThat(IncidentViewFold.fold(events)).isEmpty();
    }
}
