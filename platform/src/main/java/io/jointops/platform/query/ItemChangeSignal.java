package io.jointops.platform.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * On every event processor of the service: once the processor's transaction that handled an event of an item has
 * committed, the writes waiting for that item's view read it ({@link ReadYourWrites}).
 */
public final class ItemChangeSignal implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
            String itemId = event.getAggregateIdentifier();
            long sequence = event.getSequenceNumber();
            unitOfWork.afterCommit(committed -> ReadYourWrites.itemChanged(itemId, sequence));
        }
        return chain.proceed();
    }
}
