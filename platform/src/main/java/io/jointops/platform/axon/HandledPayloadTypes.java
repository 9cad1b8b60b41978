package io.jointops.platform.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

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

    /** Every event of the platform: the message contracts' records, each with its {@code @Revision}. */
    static final List<Class<?>> EVENTS = scan("io.jointops.api");

    private HandledPayloadTypes() {
    }

    /** The payload types processor {@code name} handles; {@code null} when it takes any (or is not known). */
    static Set<String> of(Configuration config, String name) {
        return config.eventProcessingConfiguration().eventProcessor(name)
                .filter(AbstractEventProcessor.class::isInstance)
                .map(processor -> of(((AbstractEventProcessor) processor).eventHandlerInvoker(), config.eventSerializer()))
                .orElse(null);
    }

    static Set<String> of(EventHandlerInvoker invoker, Serializer serializer) {
        if (invoker.canHandleType(NoEventOfThePlatform.class)) {
            return null; // a handler of Object or EventMessage: it takes every event
        }
        return EVENTS.stream()
                .filter(invoker::canHandleType)
                .map(type -> serializer.typeForClass(type).getName())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static List<Class<?>> scan(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        return scanner.findCandidateComponents(basePackage).stream()
                .map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(),
                        HandledPayloadTypes.class.getClassLoader()))
                .collect(Collectors.toUnmodifiableList());
    }

    /** Only a handler that takes every payload takes this one. */
    private static final class NoEventOfThePlatform {
    }
}
