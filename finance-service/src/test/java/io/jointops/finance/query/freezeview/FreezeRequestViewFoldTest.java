package io.jointops.finance.query.freezeview;

import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.FreezeExpiredEvent;
import io.jointops.api.finance.FreezeExpiryReminderIssuedEvent;
import io.jointops.api.finance.FreezeExtendedEvent;
import io.jointops.api.finance.FreezeGrantedEvent;
import io.jointops.api.finance.FreezeMeasure;
import io.jointops.api.finance.FreezeReleasedEvent;
import io.jointops.api.finance.FreezeRequestAcknowledgedEvent;
import io.jointops.api.finance.FreezeRequestLinkedToCaseEvent;
import io.jointops.api.finance.FreezeRequestRejectedEvent;
import io.jointops.api.finance.FreezeRequestedEvent;
import io.jointops.api.finance.FreezeTarget;
import io.jointops.api.finance.FreezeUrgency;
import io.jointops.api.finance.TargetAmount;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The freeze request view, event by event: what the projector stores and {@code ?asOf=} rebuilds. */
class FreezeRequestViewFoldTest {

    private static final Instant T0 = Instant.parse("2026-10-16T10:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2026-10-23T10:00:00Z");
    private static final List<TargetAmount> FROZEN = List.of(new TargetAmount(1, new BigDecimal("1000000"), "CNY"));

    @Test
    void followsTheWorkflowWithAmountsPerTarget() {
        FreezeRequestView v = FreezeRequestViewFold.apply(null, requested(), 0, T0, "us.finance");
        assertThat(v.status()).isEqualTo("REQUESTED");
        assertThat(v.requestedBy()).isEqualTo("us.finance");
        assertThat(v.targets()).extracting(FreezeRequestView.Target::amountFrozen).containsOnly(BigDecimal.ZERO);

        v = FreezeRequestViewFold.apply(v, new FreezeRequestAcknowledgedEvent("f", "CN-CAMLMAC"), 1, T0.plusSeconds(1), null);
        assertThat(v.status()).isEqualTo("ACKNOWLEDGED");
        v = FreezeRequestViewFold.apply(v, new FreezeGrantedEvent("f", FROZEN, true, EXPIRY, "5 working days"), 2, T0.plusSeconds(2), null);
        assertThat(v.status()).isEqualTo("FROZEN");
        assertThat(v.partial()).isTrue();
        assertThat(v.expiresAt()).isEqualTo(EXPIRY);
        assertThat(v.targets().get(0).amountFrozen()).isEqualByComparingTo("0");
        assertThat(v.targets().get(1).amountFrozen()).isEqualByComparingTo("1000000");

        v = FreezeRequestViewFold.apply(v, new FreezeExpiryReminderIssuedEvent("f", EXPIRY), 3, T0.plusSeconds(3), null);
        assertThat(v.reminderIssuedAt()).isEqualTo(T0.plusSeconds(3));
        v = FreezeRequestViewFold.apply(v, new FreezeExtendedEvent("f", EXPIRY, EXPIRY.plusSeconds(86_400)), 4, T0.plusSeconds(4), null);
        assertThat(v.extensions()).isEqualTo(1);
        assertThat(v.expiresAt()).isEqualTo(EXPIRY.plusSeconds(86_400));
        assertThat(v.reminderIssuedAt()).as("a new expiry, a new reminder to come").isNull();

        v = FreezeRequestViewFold.apply(v, new FreezeRequestLinkedToCaseEvent("f", "case-2", "t", "FROZEN"), 5, T0.plusSeconds(5), null);
        assertThat(v.linkedCases()).containsExactly("case-2");
        v = FreezeRequestViewFold.apply(v, new FreezeReleasedEvent("f", "CN-CAMLMAC", "lifted", FROZEN), 6, T0.plusSeconds(6), null);
        assertThat(v.status()).isEqualTo("RELEASED");
        assertThat(v.releaseReason()).isEqualTo("lifted");
        assertThat(v.targets().get(1).amountReleased()).isEqualByComparingTo("1000000");
        assertThat(v.version()).isEqualTo(6);
        assertThat(v.updatedAt()).isEqualTo(T0.plusSeconds(6));
        assertThat(v.requestedAt()).isEqualTo(T0);
    }

    @Test
    void anExpiryReleasesWhatWasFrozenAndARejectionKeepsItsReason() {
        FreezeRequestView frozen = FreezeRequestViewFold.apply(FreezeRequestViewFold.apply(
                FreezeRequestViewFold.apply(null, requested(), 0, T0, "us.finance"),
                new FreezeRequestAcknowledgedEvent("f", "CN-CAMLMAC"), 1, T0, null),
                new FreezeGrantedEvent("f", FROZEN, true, EXPIRY, "5 working days"), 2, T0, null);
        FreezeRequestView expired = FreezeRequestViewFold.apply(frozen, new FreezeExpiredEvent("f", EXPIRY, FROZEN), 3, EXPIRY, null);
        assertThat(expired.status()).isEqualTo("EXPIRED");
        assertThat(expired.targets().get(1).amountReleased()).isEqualByComparingTo("1000000");

        FreezeRequestView rejected = FreezeRequestViewFold.apply(FreezeRequestViewFold.apply(null, requested(), 0, T0, "us.finance"),
                new FreezeRequestRejectedEvent("f", "CN-CAMLMAC", "no such account"), 1, T0, null);
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.rejectionReason()).isEqualTo("no such account");
        assertThat(FreezeRequestViewFold.apply(null, new FreezeRequestAcknowledgedEvent("f", "CN-CAMLMAC"), 0, T0, null)).isNull();
    }

    @Test
    void isVisibleToTheTwoAgenciesOnly() {
        FreezeRequestView v = FreezeRequestViewFold.apply(null, requested(), 0, T0, "us.finance");
        assertThat(v.visibleTo("US-FINCEN")).isTrue();
        assertThat(v.visibleTo("CN-CAMLMAC")).isTrue();
        assertThat(v.visibleTo("MX-FGR")).isFalse();
    }

    private static FreezeRequestedEvent requested() {
        return new FreezeRequestedEvent("f", "US-FINCEN", "US", "CN-CAMLMAC", "CN", FreezeMeasure.FREEZE, "basis", "case-1",
                FreezeUrgency.ROUTINE, List.of(
                new FreezeTarget(new AccountRef(null, "1", "B", "CN"), null, null, null, new BigDecimal("5"), "USD"),
                new FreezeTarget(new AccountRef(null, "2", "B", "CN"), null, null, null, new BigDecimal("1500000"), "CNY")),
                Tlp.AMBER, HandlingCode.H2);
    }
}
