package io.jointops.finance.command;

import io.jointops.api.finance.AssetCategory;
import io.jointops.api.finance.AssetIdentifiedEvent;
import io.jointops.api.finance.RecordIdentifiedAssetCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static io.jointops.platform.test.Rejections.rejected;

class IdentifiedAssetTest {

    private AggregateTestFixture<IdentifiedAsset> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IdentifiedAsset.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
    }

    @ParameterizedTest
    @EnumSource(AssetCategory.class)
    void recordsAnAssetOfEverySilverNoticeCategory(AssetCategory category) {
        fixture.givenNoPriorActivity()
                .when(record(category, "CN", new BigDecimal("3200000"), "CNY", Set.of("US-FINCEN")))
                .expectEvents(new AssetIdentifiedEvent("asset-1", "case-1", category, "Apartment, Shenzhen",
                        "Land register 44-0301-123", "CN", new BigDecimal("3200000"), "CNY", "CN-CAMLMAC",
                        List.of("US-FINCEN"), Tlp.AMBER, HandlingCode.H2));
    }

    @Test
    void refusesUnknownCountryOrCurrencyAndNegativeValues() {
        fixture.givenNoPriorActivity().when(record(AssetCategory.PROPERTY, "UK", BigDecimal.ONE, "GBP", Set.of()))
                .expectException(rejected(Reason.INVALID, "country"));
        fixture.givenNoPriorActivity().when(record(AssetCategory.PROPERTY, "GB", BigDecimal.ONE, "RMB", Set.of()))
                .expectException(rejected(Reason.INVALID, "currency"));
        fixture.givenNoPriorActivity().when(record(AssetCategory.PROPERTY, "GB", new BigDecimal("-1"), "GBP", Set.of()))
                .expectException(rejected(Reason.INVALID, "estimatedValue"));
        fixture.givenNoPriorActivity().when(record(AssetCategory.PROPERTY, "GB", BigDecimal.ONE, "GBP", Set.of("CN-CAMLMAC")))
                .expectException(rejected(Reason.INVALID, "releasedTo"));
        fixture.givenNoPriorActivity().when(record(null, "GB", BigDecimal.ONE, "GBP", Set.of()))
                .expectException(rejected(Reason.INVALID, "category"));
    }

    private static RecordIdentifiedAssetCommand record(AssetCategory category, String country, BigDecimal value,
                                                       String currency, Set<String> releasedTo) {
        return new RecordIdentifiedAssetCommand("asset-1", " case-1 ", category, " Apartment, Shenzhen ",
                "Land register 44-0301-123", country, value, currency, "CN-CAMLMAC", releasedTo, Tlp.AMBER, HandlingCode.H2);
    }
}
