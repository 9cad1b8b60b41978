package io.jointops.chemicals.query.notificationview;

import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.PreExportNotificationAcknowledgedEvent;
import io.jointops.api.chemicals.PreExportNotificationClearedEvent;
import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
import io.jointops.api.chemicals.PreExportNotificationObjectedEvent;
import io.jointops.api.chemicals.PreExportNotificationUnansweredEvent;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.TransportMode;
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

/** The response and the escalation as the view shows them. */
class NotificationViewFoldTest {

    static final String ID = "pen-1";
    static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    static final Instant DUE = T0.plusSeconds(15 * 86400);
    static final Party HUBEI = new Party("Hubei Fine Chemicals", new Address("1 Gaoxin Road", "Wuhan", null, "CN"));
    static final Party PACIFIC = new Party("Pacific Reagents LLC", new Address("400 Harbor Blvd", "Long Beach", "90802", "US"));

    private final List<DomainEventMessage<?>> events = new ArrayList<>();

    private void event(Object payload) {
        events.add(new GenericDomainEventMessage<>("PreExportNotification", ID, events.size(), payload,
                MetaData.from(Map.of(AuditMetadata.ACTOR, "cn.chemical")), "m-" + events.size(),
                T0.plusSeconds(60L * events.size())));
    }

    private static PreExportNotificationFiledEvent filed() {
        return new PreExportNotificationFiledEvent(ID, "CN-CUSTOMS", "US-DEA", HUBEI, PACIFIC, PACIFIC, "4-AP",
                "23056-29-3", new BigDecimal("500.000"), QuantityUnit.KG, LocalDate.of(2026, 12, 20), "Port of Long Beach",
                "CN-EXP-2026-77", Tlp.AMBER, HandlingCode.H1, new BigDecimal("99.50"), TransportMode.SEA, List.of("KR"), DUE);
    }

    @Test
    void filedWithItsTransportDetailsAndDeadline() {
        event(filed());
        NotificationView view = NotificationViewFold.fold(events).orElseThrow();
        assertThat(view.status()).isEqualTo("FILED");
        assertThat(view.quantity()).isEqualByComparingTo("500").hasToString("500");
        assertThat(view.mixturePercentage()).hasToString("99.5");
        assertThat(view.transportMode()).isEqualTo("SEA");
        assertThat(view.route()).containsExactly("KR");
        assertThat(view.responseDueBy()).isEqualTo(DUE);
        assertThat(view.filedBy()).isEqualTo("cn.chemical");
        assertThat(view.visibleTo("US-DEA")).isTrue();
        assertThat(view.visibleTo("CN-CUSTOMS")).isTrue();
        assertThat(view.visibleTo("MX-FGR")).isFalse();
    }

    @Test
    void acknowledgedThenObjected() {
        event(filed());
        event(new PreExportNotificationAcknowledgedEvent(ID, "US-DEA"));
        event(new PreExportNotificationObjectedEvent(ID, "US-DEA", "no registration"));
        NotificationView view = NotificationViewFold.fold(events).orElseThrow();
        assertThat(view.status()).isEqualTo("OBJECTED");
        assertThat(view.acknowledgedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(view.answeredAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(view.objectionReason()).isEqualTo("no registration");
        assertThat(view.escalatedTo()).isNull();
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void noReplyEscalatesToBothSidesAndALateClearanceKeepsTheEscalationOnRecord() {
        event(filed());
        event(new PreExportNotificationUnansweredEvent(ID, DUE, Set.of("US-DEA", "CN-CUSTOMS")));
        NotificationView unanswered = NotificationViewFold.fold(events).orElseThrow();
        assertThat(unanswered.status()).isEqualTo("NO_REPLY");
        assertThat(unanswered.escalatedTo()).containsExactly("CN-CUSTOMS", "US-DEA");
        assertThat(unanswered.escalatedAt()).isEqualTo(T0.plusSeconds(60));
        event(new PreExportNotificationClearedEvent(ID, "US-DEA"));
        NotificationView cleared = NotificationViewFold.fold(events).orElseThrow();
        assertThat(cleared.status()).isEqualTo("CLEARED");
        assertThat(cleared.answeredAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(cleared.escalatedTo()).containsExactly("CN-CUSTOMS", "US-DEA");
    }
}
