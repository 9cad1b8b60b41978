package io.jointops.finance.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Revision 1 as stored (golden file) becomes revision 2 with no person, no indicators and no transactions. */
class SuspiciousTransactionReportFiledUpcasterTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theStoredRevision1BecomesRevision2() throws IOException {
        JsonNode revision1 = golden("SuspiciousTransactionReportFiledEvent.1.json");
        JsonNode upcast = SuspiciousTransactionReportFiledUpcaster.toRevision2(revision1);
        assertThat(upcast).isEqualTo(golden("SuspiciousTransactionReportFiledEvent.2.json"));
        // the stored payload itself is left as it is
        assertThat(revision1.has("transactionCount")).isFalse();
    }

    @Test
    void onlyRevision1OfTheFiledEventIsUpcast() {
        assertThat(SuspiciousTransactionReportFiledUpcaster.REVISION_1.getName())
                .isEqualTo("io.jointops.api.finance.SuspiciousTransactionReportFiledEvent");
        assertThat(SuspiciousTransactionReportFiledUpcaster.REVISION_1.getRevision()).isEqualTo("1");
    }

    private JsonNode golden(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/" + name)) {
            return json.readTree(in);
        }
    }
}
