package io.jointops.chemicals.query.controlview;

import io.jointops.api.chemicals.NationalControlAddedEvent;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.platform.audit.AuditMetadata;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NationalControlViewFoldTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aControlIsInForceFromItsAddition() {
        var added = new GenericDomainEventMessage<>("NationalControl", "ctl-1", 0,
                new NationalControlAddedEvent("ctl-1", "US-DEA", "4-Anilinopiperidine (4-AP)", "23056-29-3", "US",
                        "21 CFR 1310.04", new BigDecimal("0.5"), QuantityUnit.KG),
                MetaData.from(Map.of(AuditMetadata.ACTOR, "us.chemical")), "m-0", T0);
        assertThat(NationalControlViewFold.fold(List.of(added))).contains(new NationalControlView("ctl-1", "IN_FORCE",
                "US-DEA", "4-Anilinopiperidine (4-AP)", "23056-29-3", "US", "21 CFR 1310.04", new BigDecimal("0.5"),
                "KG", List.of("US-DEA"), 0, T0, "us.chemical"));
    }

    @Test
    void aControlWithoutThresholdHasNoUnitAndNothingElseMakesAControl() {
        var added = new GenericDomainEventMessage<>("NationalControl", "ctl-2", 0,
                new NationalControlAddedEvent("ctl-2", "CN-CUSTOMS", "Acetic anhydride", "108-24-7", "CN", "Decree 445",
                        null, null), MetaData.emptyInstance(), "m-0", T0);
        NationalControlView view = NationalControlViewFold.fold(List.of(added)).orElseThrow();
        assertThat(view.thresholdQuantity()).isNull();
        assertThat(view.unit()).isNull();
        assertThat(NationalControlViewFold.fold(List.of(new GenericDomainEventMessage<>("NationalControl", "ctl-3", 0,
                "other", MetaData.emptyInstance(), "m-1", T0)))).isEmpty();
    }
}
