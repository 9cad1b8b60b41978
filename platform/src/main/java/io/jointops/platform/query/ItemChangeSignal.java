package io.jointops.platform.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.BiConsumer;

/**
 * On every event processor of the service: once the processor's transaction that handled an event of an item has
 * committed, the writes waiting for that item's view read it ({@link ReadYourWrites}), here and, told through
 * {@code otherReplicas}, in the service's other replicas.
 */
public final class ItemChangeSignal implements MessageHandlerInterceptor<EventMessage<?>> {

    private final BiConsumer<String, Long> otherReplicas;

    /** @param otherReplicas told each item and event number committed, for the service's other replicas */
    public ItemChangeSignal(BiConsumer<String, Long> otherReplicas) {
        this.otherReplicas = otherReplicas;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
            String itemId = event.getAggregateIdentifier();
            long sequence = event.getSequenceNumber();
            unitOfWork.afterCommit(committed -> {
                ReadYourWrites.itemChanged(itemId, sequence);
                otherReplicas.accept(itemId, sequence);
            });
        }
        return chain.proceed();
    }
}
