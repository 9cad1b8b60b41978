package io.jointops.platform.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

import io.jointops.platform.query.FoldedView;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stored payload types a processor's handlers take, so that its stream reads and wakes for those only: an event
 * costs a service nothing unless one of its handlers takes it. Asked of Axon's own handler resolution
 * ({@link EventHandlerInvoker#canHandleType}) for every event of the message contracts, so a handler of a supertype
 * counts and nothing is declared twice.
 */
final class HandledPayloadTypes {

    static final List<Class<?>> EVENTS = ContractEvents.ALL;

    private HandledPayloadTypes() {
    }

    /**
     * The payload types processor {@code name} handles; {@code null} when it takes any (or is not known).
     *
     * @param handlers the processor's event handler objects
     */
    static Set<String> of(Configuration config, String name, Collection<?> handlers) {
        return config.eventProcessingConfiguration().eventProcessor(name)
                .filter(AbstractEventProcessor.class::isInstance)
                .map(processor -> of(((AbstractEventProcessor) processor).eventHandlerInvoker(), handlers,
                        config.eventSerializer()))
                .orElse(null);
    }

    static Set<String> of(EventHandlerInvoker invoker, Collection<?> handlers, Serializer serializer) {
        if (invoker instanceof MultiEventHandlerInvoker multi) { // how Axon's configuration wraps every processor's
            Set<String> all = new HashSet<>();
            for (EventHandlerInvoker delegate : multi.delegates()) {
                Set<String> types = of(delegate, handlers, serializer);
                if (types == null) {
                    return null;
                }
                all.addAll(types);
            }
            return Set.copyOf(all);
        }
        if (invoker instanceof AbstractSagaManager<?> sagas) {
            // a saga manager says it may take any type; its saga's handlers name theirs
            return Arrays.stream(ReflectionUtils.getAllDeclaredMethods(sagas.getSagaType()))
                    .filter(method -> AnnotatedElementUtils.hasAnnotation(method, SagaEventHandler.class))
                    .map(method -> method.getParameterTypes()[0])
                    .map(type -> serializer.typeForClass(type).getName())
                    .collect(Collectors.toUnmodifiableSet());
        }
        if (invoker.canHandleType(NoEventOfThePlatform.class)) {
            // a handler of Object or EventMessage: every event, unless each such handler is a view naming its fold's
            Set<Class<?>> types = new HashSet<>();
            for (Object handler : handlers) {
                if (handler instanceof FoldedView view) {
                    types.addAll(view.foldedEvents());
                    continue;
                }
                AnnotationEventHandlerAdapter own = new AnnotationEventHandlerAdapter(handler);
                if (own.canHandleType(NoEventOfThePlatform.class)) {
                    return null;
                }
                EVENTS.stream().filter(own::canHandleType).forEach(types::add);
            }
            return handlers.isEmpty() ? null : types.stream()
                    .map(type -> serializer.typeForClass(type).getName())
                    .collect(Collectors.toUnmodifiableSet());
        }
        return EVENTS.stream()
                .filter(invoker::canHandleType)
                .map(type -> serializer.typeForClass(type).getName())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Only a handler that takes every payload takes this one. */
    private static final class NoEventOfThePlatform {
    }
}
