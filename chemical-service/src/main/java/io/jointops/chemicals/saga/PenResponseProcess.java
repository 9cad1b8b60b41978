package io.jointops.chemicals.saga;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.jointops.api.chemicals.PreExportNotificationClearedEvent;
import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
import io.jointops.api.chemicals.PreExportNotificationObjectedEvent;
import io.jointops.api.chemicals.RecordPreExportNotificationNoReplyCommand;
import io.jointops.api.chemicals.ShipmentRegisteredEvent;
import io.jointops.api.chemicals.StopShipmentCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The importing authority's response to one pre-export notification, across its shipments: the response window is a
 * persistent deadline (db-scheduler, survives restarts) that marks the notification "no reply" when it passes
 * unanswered; an objection stops every shipment registered under the notification, also one registered later.
 * A clearance ends the process. Stored as JSON, hence the field visibility.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PenResponseProcess {

    static final String RESPONSE_WINDOW = "pen-response-window";

    @Autowired
    @JsonIgnore
    private transient DeadlineManager deadlines;
    @Autowired
    @JsonIgnore
    private transient CommandGateway commands;

    private String notificationId;
    private String deadlineId;
    private String objection;
    private final Set<String> shipments = new LinkedHashSet<>();

    @StartSaga
    @SagaEventHandler(associationProperty = "notificationId")
    void on(PreExportNotificationFiledEvent event) {
        notificationId = event.notificationId();
        // notifications filed before response windows existed (revision 1) have no deadline
        if (event.responseDueBy() != null) {
            deadlineId = deadlines.schedule(event.responseDueBy(), RESPONSE_WINDOW, event.notificationId());
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "notificationId")
    void on(PreExportNotificationClearedEvent event) {
        cancelDeadline();
    }

    @SagaEventHandler(associationProperty = "notificationId")
    void on(PreExportNotificationObjectedEvent event) {
        cancelDeadline();
        objection = "The importing authority " + event.importingAgency() + " objected to pre-export notification "
                + notificationId + ": " + event.reason();
        shipments.forEach(this::stop);
    }

    @SagaEventHandler(associationProperty = "notificationId")
    void on(ShipmentRegisteredEvent event) {
        shipments.add(event.shipmentId());
        if (objection != null) {
            stop(event.shipmentId());
        }
    }

    @DeadlineHandler(deadlineName = RESPONSE_WINDOW)
    void responseWindowPassed(String notificationId) {
        deadlineId = null;
        commands.sendAndWait(new RecordPreExportNotificationNoReplyCommand(notificationId));
    }

    private void stop(String shipmentId) {
        commands.sendAndWait(new StopShipmentCommand(shipmentId, notificationId, objection));
    }

    private void cancelDeadline() {
        if (deadlineId != null) {
            deadlines.cancelSchedule(RESPONSE_WINDOW, deadlineId);
            deadlineId = null;
        }
    }

}
