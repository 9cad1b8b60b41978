package io.jointops.platform.axon;

import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * A command for an aggregate that does not exist is refused as NOT_FOUND, with details that survive the
 * distributed command bus (the exception class itself does not).
 */
final class RejectionTranslation implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (AggregateNotFoundException e) {
            throw new CommandRejectedException(Rejection.Reason.NOT_FOUND, null,
                    "No item with id '" + e.getAggregateIdentifier() + "' is visible to you.");
        }
    }
}
