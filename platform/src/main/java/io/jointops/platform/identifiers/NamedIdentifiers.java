package io.jointops.platform.identifiers;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NamedIdentifier;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The identifiers a message names, as its record's {@link Identifies} marks say, searched through the records, lists
 * and sets it holds: {@code ShipmentRegisteredEvent} names its exporter's, importer's and consignee's names (each a
 * {@code Party}) and its CAS number. Generic on purpose: a context marks a field of its contract and its items are
 * deconflicted and watched, nothing else to change. Each record class is planned once (which components name, which
 * hold records that may) and a mark that cannot be read fails that plan, so {@link #check} finds it in a test.
 * Values are returned as written; normalising them is the {@code identifiers} module's.
 */
public final class NamedIdentifiers {

    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            return plan(type);
        }
    };

    private NamedIdentifiers() {
    }

    /** The identifiers {@code message} names, in the order of its components; none for a message without marks. */
    public static List<NamedIdentifier> of(Object message) {
        List<NamedIdentifier> named = new ArrayList<>();
        if (message != null) {
            collect(message, "", named);
        }
        return named;
    }

    /** Whether messages of {@code type} can name identifiers: it, or a record it holds, has a marked component. */
    public static boolean canName(Class<?> type) {
        return type.isRecord() && !PLANS.get(type).steps.isEmpty();
    }

    /** The types of {@code types} whose messages can name identifiers ({@link #canName}). */
    public static List<Class<?>> namers(Collection<Class<?>> types) {
        return types.stream().filter(NamedIdentifiers::canName).toList();
    }

    /**
     * Plans {@code type}'s marks, failing if one cannot be read: a mark on anything but a text, without a kind or
     * with both a kind and {@code kindFrom}, or naming a component the record does not have or of the wrong type.
     *
     * @throws IllegalStateException naming the record and component
     */
    public static void check(Class<?> type) {
        PLANS.get(type);
    }

    private static void collect(Object record, String prefix, List<NamedIdentifier> named) {
        for (Step step : PLANS.get(record.getClass()).steps) {
            step.collect(record, prefix, named);
        }
    }

    /** How to find a record's identifiers: one step per component that names one or may hold a record that does. */
    private record Plan(List<Step> steps) {
    }

    private interface Step {
        void collect(Object record, String prefix, List<NamedIdentifier> named);
    }

    private static Plan plan(Class<?> type) {
        if (!type.isRecord()) {
            return new Plan(List.of());
        }
        Map<String, RecordComponent> components = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
        List<Step> steps = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Identifies mark = component.getAnnotation(Identifies.class);
            if (mark != null) {
                steps.add(marked(type, component, mark, components));
                continue;
            }
            Class<?> held = heldRecord(component);
            if (held != null && held != type && canName(held)) {
                steps.add(nested(component));
            }
        }
        return new Plan(List.copyOf(steps));
    }

    private static Step marked(Class<?> type, RecordComponent component, Identifies mark,
                               Map<String, RecordComponent> components) {
        String where = type.getName() + "." + component.getName();
        if (component.getType() != String.class) {
            throw new IllegalStateException(where + " is marked @Identifies but is no String");
        }
        boolean fixed = mark.kind().length > 0;
        if (fixed == !mark.kindFrom().isEmpty()) {
            throw new IllegalStateException(where + " must give either kind or kindFrom");
        }
        RecordComponent kindFrom = fixed ? null : components.get(mark.kindFrom());
        if (!fixed && (kindFrom == null || !Identifies.KindSource.class.isAssignableFrom(kindFrom.getType()))) {
            throw new IllegalStateException(where + ": kindFrom '" + mark.kindFrom()
                    + "' is no component of the record that implements Identifies.KindSource");
        }
        RecordComponent countryFrom = mark.countryFrom().isEmpty() ? null : components.get(mark.countryFrom());
        if (!mark.countryFrom().isEmpty() && (countryFrom == null || countryFrom.getType() != String.class)) {
            throw new IllegalStateException(where + ": countryFrom '" + mark.countryFrom()
                    + "' is no String component of the record");
        }
        List<Identifies.Kind> kinds = List.of(mark.kind());
        return (record, prefix, named) -> {
            String value = (String) read(component, record);
            if (value == null || value.isBlank()) {
                return;
            }
            List<Identifies.Kind> its = kinds;
            if (kindFrom != null) {
                Identifies.KindSource source = (Identifies.KindSource) read(kindFrom, record);
                if (source == null) {
                    return;
                }
                its = List.of(source.identifierKind());
            }
            String country = countryFrom == null ? null : (String) read(countryFrom, record);
            named.add(new NamedIdentifier(prefix + component.getName(), its, value, country));
        };
    }

    private static Step nested(RecordComponent component) {
        return (record, prefix, named) -> {
            Object value = read(component, record);
            if (value instanceof Collection<?> elements) {
                int index = 0;
                for (Object element : elements) {
                    if (element != null) {
                        collect(element, prefix + component.getName() + "[" + index + "].", named);
                    }
                    index++;
                }
            } else if (value != null) {
                collect(value, prefix + component.getName() + ".", named);
            }
        };
    }

    /** The record type a component holds, itself or as the elements of a list or set; null for anything else. */
    private static Class<?> heldRecord(RecordComponent component) {
        if (component.getType().isRecord()) {
            return component.getType();
        }
        if (Collection.class.isAssignableFrom(component.getType())
                && component.getGenericType() instanceof ParameterizedType parameterized) {
            Type element = parameterized.getActualTypeArguments()[0];
            return element instanceof Class<?> elementClass && elementClass.isRecord() ? elementClass : null;
        }
        return null;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
