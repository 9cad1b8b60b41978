package io.jointops.platform.axon;

import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.List;
import java.util.stream.Collectors;

/** Every event of the platform: the message contracts' records under {@code io.jointops.api}, each with its {@code @Revision}. */
public final class ContractEvents {

    public static final List<Class<?>> ALL = scan("io.jointops.api");

    private ContractEvents() {
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
                        ContractEvents.class.getClassLoader()))
                .collect(Collectors.toUnmodifiableList());
    }
}
