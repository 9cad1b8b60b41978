package io.jointops.platform.audit;

import io.jointops.platform.web.CorrelationIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The request's correlation ids, as the gateway hands them over, land in the metadata of the commands it sends. */
class CorrelationMetadataTest {

    @Test
    void theGatewaysCorrelationIdAndTheClientsGoIntoACommandsMetadata() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases");
        String minted = UUID.randomUUID().toString();
        request.addHeader(CorrelationIdFilter.HEADER, minted);
        request.addHeader(CorrelationIdFilter.CLIENT_HEADER, "ui-4711.case_open-1");

        Sent sent = send(request);

        assertThat(sent.metaData().get(AuditMetadata.CORRELATION_ID)).isEqualTo(minted);
        assertThat(sent.metaData().get(AuditMetadata.CLIENT_CORRELATION_ID)).isEqualTo("ui-4711.case_open-1");
        assertThat(sent.response().getHeader(CorrelationIdFilter.HEADER)).isEqualTo(minted);
        assertThat(AuditMetadata.PROPAGATED).as("the events and commands a command causes keep both")
                .contains(AuditMetadata.CORRELATION_ID, AuditMetadata.CLIENT_CORRELATION_ID);
    }

    @Test
    void withoutAClientIdTheMetadataHasNone() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases");
        request.addHeader(CorrelationIdFilter.HEADER, UUID.randomUUID().toString());

        assertThat(send(request).metaData()).doesNotContainKey(AuditMetadata.CLIENT_CORRELATION_ID);
    }

    @Test
    void unsafeIdsOfADirectCallerAreNotKept() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases");
        request.addHeader(CorrelationIdFilter.HEADER, "x\"}{\"admin\":true");
        request.addHeader(CorrelationIdFilter.CLIENT_HEADER, "a".repeat(65));

        Sent sent = send(request);

        String correlationId = (String) sent.metaData().get(AuditMetadata.CORRELATION_ID);
        assertThatCode(() -> UUID.fromString(correlationId)).doesNotThrowAnyException();
        assertThat(sent.metaData()).doesNotContainKey(AuditMetadata.CLIENT_CORRELATION_ID);
    }

    @Test
    void aCommandThatAlreadyCarriesACorrelationIdKeepsItsOwn() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases");
        request.addHeader(CorrelationIdFilter.HEADER, "request-id");
        request.addHeader(CorrelationIdFilter.CLIENT_HEADER, "client-id");
        MetaData inherited = MetaData.with(AuditMetadata.CORRELATION_ID, "inherited");

        MetaData metaData = send(request, inherited).metaData();

        assertThat(metaData.get(AuditMetadata.CORRELATION_ID)).isEqualTo("inherited");
        assertThat(metaData).doesNotContainKey(AuditMetadata.CLIENT_CORRELATION_ID);
    }

    record Sent(MetaData metaData, MockHttpServletResponse response) {}

    private static Sent send(MockHttpServletRequest request) throws Exception {
        return send(request, MetaData.emptyInstance());
    }

    /** Runs the filter; inside the request, dispatches a command through the platform's interceptor. */
    private static Sent send(MockHttpServletRequest request, MetaData given) throws Exception {
        var interceptor = new AuditConfiguration().callerMetadata();
        AtomicReference<MetaData> dispatched = new AtomicReference<>();
        MockHttpServletResponse response = new MockHttpServletResponse();
        new CorrelationIdFilter().doFilter(request, response, (req, res) -> {
            CommandMessage<?> command = GenericCommandMessage.asCommandMessage("open").andMetaData(given);
            dispatched.set(interceptor.handle(List.of(command)).apply(0, command).getMetaData());
        });
        return new Sent(dispatched.get(), response);
    }
}
