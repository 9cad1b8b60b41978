package io.jointops.platform.command;

import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Unwrapped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.hibernate.validator.resourceloading.PlatformResourceBundleLocator;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The constraints the command records state on their components (Bean Validation: {@code @NotBlank} for a text that
 * must be given, {@code @NotNull}, {@code @Size} for a text's length, {@code @Valid} into a record they hold), checked
 * by Axon's {@link BeanValidationInterceptor} in one place for every aggregate: where a command is sent (a dispatch
 * interceptor on the command gateway, so an invalid command never travels) and where it is handled (a handler
 * interceptor on the bus's local segment, so a command from another member of the distributed bus, or one put on the
 * bus directly, is checked all the same).
 * <p>
 * The interceptor's {@link JSR303ViolationException} becomes the platform's one refusal of bad input, a
 * {@link CommandRejectedException} {@code INVALID} naming the field: its {@code Rejection} survives the distributed
 * bus, where an exception's class does not, and the web layer answers it as the 400 problem naming the field that the
 * aggregates' hand-written checks gave, in their words ({@code CommandMessages.properties}). Of several violations the
 * first field in the command's order is named, as the checks in the handlers named the first they met.
 */
public final class CommandValidation implements MessageDispatchInterceptor<CommandMessage<?>>,
        MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String MESSAGES = "io.jointops.platform.command.CommandMessages";

    private final BeanValidationInterceptor<CommandMessage<?>> validation;

    public CommandValidation() {
        this.validation = new BeanValidationInterceptor<>(validatorFactory());
    }

    /** Where a command is sent: an invalid one is refused before it reaches the bus. */
    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> checked(command);
    }

    /** Where a command is handled: whoever sent it, the handler only sees a valid one. */
    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        checked(unitOfWork.getMessage());
        return chain.proceed();
    }

    private CommandMessage<?> checked(CommandMessage<?> command) {
        try {
            return validation.handle(List.of(command)).apply(0, command);
        } catch (JSR303ViolationException e) {
            throw refusal(e.getViolations());
        }
    }

    /** The refusal naming the first field at fault, in the order of the command's components and its lists. */
    static CommandRejectedException refusal(Set<ConstraintViolation<Object>> violations) {
        ConstraintViolation<Object> first = violations.stream()
                .min(Comparator.comparing(CommandValidation::position, CommandValidation::compare)
                        .thenComparing(violation -> violation.getPropertyPath().toString()))
                .orElseThrow();
        return CommandChecks.invalid(field(first), first.getMessage());
    }

    /** Where in the command a violation is: each component's position in its record, each element's in its list. */
    private static List<Integer> position(ConstraintViolation<?> violation) {
        List<Integer> position = new ArrayList<>();
        Class<?> type = violation.getRootBeanClass();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null) {
                position.add(node.getIndex());
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                RecordComponent[] components = type.getRecordComponents();
                int at = Integer.MAX_VALUE;
                Class<?> next = Object.class;
                for (int i = 0; components != null && i < components.length; i++) {
                    if (components[i].getName().equals(node.getName())) {
                        at = i;
                        next = elementType(components[i]);
                    }
                }
                position.add(at);
                type = next;
            }
        }
        return position;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = Integer.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * The field as the request names it: the components' names joined by dots, a record in a list by its index
     * ({@code entities[0].type}, a missing one {@code entities[0]}), a text in a list by the list
     * ({@code route.substances}), an {@link Unwrapped} component left out ({@code title}, not {@code content.title}).
     */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String last = null;
        Class<?> type = violation.getRootBeanClass();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT && type.isRecord() && node.isInIterable()) {
                field.append(index(node)); // a record missing from its list
            }
            if (node.getKind() != ElementKind.PROPERTY) {
                continue; // a text in a list is named by its list; a record's own constraint by the record
            }
            if (node.isInIterable()) {
                field.append(index(node));
            }
            RecordComponent component = component(type, node.getName());
            type = component == null ? Object.class : elementType(component);
            last = node.getName();
            if (component != null && component.isAnnotationPresent(Unwrapped.class)) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? last : field.toString();
    }

    private static String index(Path.Node node) {
        return "[" + (node.getIndex() != null ? node.getIndex() : node.getKey() != null ? node.getKey() : "") + "]";
    }

    private static RecordComponent component(Class<?> type, String name) {
        RecordComponent[] components = type.getRecordComponents();
        return components == null ? null : Arrays.stream(components)
                .filter(component -> component.getName().equals(name)).findFirst().orElse(null);
    }

    /** The record a component holds: its own type, or its elements' for a collection (values' for a map). */
    private static Class<?> elementType(RecordComponent component) {
        Class<?> type = component.getType();
        if ((Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type))
                && component.getGenericType() instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            Type element = arguments[arguments.length - 1];
            return element instanceof Class<?> elementClass ? elementClass
                    : element instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                    : Object.class;
        }
        return type;
    }

    private static ValidatorFactory validatorFactory() {
        HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class).configure();
        ConstraintMapping blank = configuration.createConstraintMapping();
        // blank as String#isBlank has it, which the aggregates' strip() agrees with; Hibernate Validator's own check
        // trims only ASCII spaces and controls, so an ideographic space (U+3000) would pass and be stored as ""
        blank.constraintDefinition(NotBlank.class).includeExistingValidators(false)
                .validateType(CharSequence.class).with(text -> text != null && !text.toString().isBlank());
        // the aggregates' words, in English whatever the machine's locale, as every other refusal
        return configuration.addMapping(blank)
                .messageInterpolator(new ResourceBundleMessageInterpolator(
                        new PlatformResourceBundleLocator(MESSAGES, Set.of(Locale.ROOT),
                                CommandValidation.class.getClassLoader()),
                        Set.of(Locale.ROOT), Locale.ROOT, context -> Locale.ROOT, false))
                .buildValidatorFactory();
    }
}
