package io.jointops.platform.command;

import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.RoutingKey;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a command carries says whether it must be given, so that {@link CommandValidation} checks it before any
 * handler runs and no aggregate checks it by hand again (ArchitectureRules has the other half of the rule): each
 * {@code String} component of a command record, and of a record a command holds through {@code @Valid}, is
 * {@code @NotBlank} (or {@code @NotNull}) when required, {@code @Nullable} when it may be left out; the target
 * identifier and routing key are Axon's to check. A {@code @Size} without a message of its own is on text only: its
 * words ({@code CommandMessages.properties}) count characters.
 */
class CommandConstraintsTest {

    static final List<Class<?>> COMMANDS = scan("io.jointops.api");

    @Test
    void everyTextOfEveryCommandSaysWhetherItMustBeGiven() {
        assertThat(COMMANDS).hasSizeGreaterThan(60).allMatch(Class::isRecord);
        assertThat(undeclared(COMMANDS)).as("""
                String components of commands that say neither @NotBlank/@NotNull (required, with @Size where it is \
                bounded) nor @Nullable (may be left out): mark each""").isEmpty();
    }

    @Test
    void theRuleFindsAnUndeclaredTextAContradictionAndASizeThatCountsNoCharacters() {
        assertThat(undeclared(List.of(DeclaredCommand.class))).isEmpty();
        assertThat(undeclared(List.of(UndeclaredCommand.class))).containsExactly(
                UndeclaredCommand.class.getName() + ".reason: neither required nor @Nullable",
                UndeclaredCommand.class.getName() + ".note: both required and @Nullable",
                UndeclaredCommand.class.getName() + ".tags: @Size counts characters, and this is no text",
                Held.class.getName() + ".text: neither required nor @Nullable");
    }

    record Held(String text) {
    }

    record NotChecked(String anything) {
    }

    record DeclaredCommand(@TargetAggregateIdentifier String itemId, @NotBlank @Size(max = 10) String title,
                           @Nullable @Size(max = 10) String summary, @NotNull String code,
                           @Size(max = 3, message = "must name at most {max} tags") List<String> tags,
                           NotChecked notValidated) {
    }

    record UndeclaredCommand(@TargetAggregateIdentifier String itemId, String reason,
                             @Nullable @NotBlank String note, @Size(max = 3) List<String> tags,
                             List<@Valid Held> held) {
    }

    static List<String> undeclared(Collection<Class<?>> commands) {
        List<String> undeclared = new ArrayList<>();
        for (Class<?> record : validated(commands)) {
            for (RecordComponent component : record.getRecordComponents()) {
                String name = record.getName() + "." + component.getName();
                Size size = annotation(component, Size.class);
                if (size != null && component.getType() != String.class
                        && size.message().startsWith("{jakarta.validation")) {
                    undeclared.add(name + ": @Size counts characters, and this is no text");
                }
                if (component.getType() != String.class || annotation(component, TargetAggregateIdentifier.class) != null
                        || annotation(component, RoutingKey.class) != null) {
                    continue;
                }
                boolean required = annotation(component, NotBlank.class) != null
                        || annotation(component, NotNull.class) != null;
                boolean optional = annotation(component, Nullable.class) != null;
                if (required == optional) {
                    undeclared.add(name + (required ? ": both required and @Nullable" : ": neither required nor @Nullable"));
                }
            }
        }
        return undeclared;
    }

    /** The commands and every record one of them holds through {@code @Valid}: what CommandValidation checks. */
    static Set<Class<?>> validated(Collection<Class<?>> commands) {
        Set<Class<?>> records = new LinkedHashSet<>();
        List<Class<?>> pending = new ArrayList<>(commands);
        while (!pending.isEmpty()) {
            Class<?> record = pending.remove(0);
            if (!records.add(record)) {
                continue;
            }
            for (RecordComponent component : record.getRecordComponents()) {
                AnnotatedType type = component.getAnnotatedType();
                if (annotation(component, Valid.class) != null && component.getType().isRecord()) {
                    pending.add(component.getType());
                }
                if (type instanceof AnnotatedParameterizedType parameterized) {
                    for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                        if (argument.isAnnotationPresent(Valid.class) && argument.getType() instanceof Class<?> element
                                && element.isRecord()) {
                            pending.add(element);
                        }
                    }
                }
            }
        }
        return records;
    }

    /**
     * A component's annotation wherever Java keeps it: on the component, or (for an annotation that may not target
     * one, as Bean Validation's and Axon's) on the field and accessor it is propagated to, or on its type.
     */
    static <A extends Annotation> A annotation(RecordComponent component, Class<A> type) {
        A found = component.getAnnotation(type);
        if (found == null) {
            found = component.getAccessor().getAnnotation(type);
        }
        if (found == null) {
            try {
                found = component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(type);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        return found != null ? found : component.getAnnotatedType().getAnnotation(type);
    }

    /** The records of the message contracts whose names end in Command. */
    private static List<Class<?>> scan(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Command")));
        return scanner.findCandidateComponents(basePackage).stream()
                .<Class<?>>map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(),
                        CommandConstraintsTest.class.getClassLoader()))
                .toList();
    }
}
