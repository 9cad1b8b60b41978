package io.jointops.platform.privacy;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import io.jointops.platform.axon.ContractEvents;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text an event can hold is declared personal or not (docs/privacy.md, "What is personal"): each {@code String}
 * or collection of them in an event record, or in a record an event holds, is marked {@link Personal} or
 * {@link NonPersonal}, or its record is marked {@link NonPersonal} as a whole. A record-wide declaration keeps the
 * contracts readable, but it would wave through a new field about a person, so a component whose name suggests one
 * (a name, phone, address, note, text, reason, ...) needs its own mark even there. Identifiers of persons, phones,
 * accounts and the like are always personal.
 */
class PersonalDeclarationsTest {

    /** Words of component names that usually hold personal data: such a component needs its own decision. */
    static final Set<String> SUGGEST_A_PERSON = Set.of("name", "phone", "mail", "email", "address", "street", "city",
            "postal", "holder", "person", "suspect", "alias", "aliases", "birth", "passport", "note", "notes", "text",
            "summary", "body", "description", "comment", "comments", "remark", "remarks", "answer", "question",
            "justification", "reason", "reasons", "title", "iban", "url");

    /** {@code suspectName} and {@code note} suggest a person; {@code noteId} and {@code answeredBy} do not. */
    static boolean suggestsAPerson(String componentName) {
        List<String> words = List.of(componentName.split("(?=\\p{Upper})")).stream()
                .map(word -> word.toLowerCase(java.util.Locale.ROOT)).toList();
        String last = words.get(words.size() - 1);
        return !Set.of("id", "ids", "by").contains(last) && words.stream().anyMatch(SUGGEST_A_PERSON::contains);
    }

    /** Kinds of identifiers that name persons or reach them: always personal. */
    static final Set<Identifies.Kind> PERSONAL_KINDS = EnumSet.of(Identifies.Kind.PERSON_NAME,
            Identifies.Kind.PHONE_NUMBER, Identifies.Kind.EMAIL_ADDRESS, Identifies.Kind.ONLINE_ACCOUNT,
            Identifies.Kind.IBAN, Identifies.Kind.BANK_ACCOUNT, Identifies.Kind.CRYPTO_WALLET);

    @Test
    void everyTextOfEveryEventIsDeclaredPersonalOrNot() {
        assertThat(ContractEvents.ALL).hasSizeGreaterThan(50);
        assertThat(undeclared(ContractEvents.ALL)).as("""
                text components of events declared neither @Personal nor @NonPersonal (docs/privacy.md): mark each,
                or the record @NonPersonal when none of its other texts is personal""").isEmpty();
    }

    @Test
    void everyEventsMarksCanBeReadAndIdentifiersOfPersonsArePersonal() {
        List<String> problems = new ArrayList<>();
        for (Class<?> event : ContractEvents.ALL) {
            try {
                PersonalData.check(event);
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        for (Class<?> record : reachable(ContractEvents.ALL)) {
            for (RecordComponent component : record.getRecordComponents()) {
                Identifies identifies = component.getAnnotation(Identifies.class);
                if (identifies != null && component.getAnnotation(Personal.class) == null
                        && (!identifies.kindFrom().isEmpty()
                        || List.of(identifies.kind()).stream().anyMatch(PERSONAL_KINDS::contains))) {
                    problems.add(record.getName() + "." + component.getName() + " names a person's identifier");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void namesThatSuggestAPersonAreFoundByTheirWords() {
        assertThat(List.of("suspectName", "note", "reasons", "holder", "originalName"))
                .allMatch(PersonalDeclarationsTest::suggestsAPerson);
        assertThat(List.of("noteId", "answeredBy", "context", "caseId", "agency", "status"))
                .noneMatch(PersonalDeclarationsTest::suggestsAPerson);
    }

    @Test
    void theRuleFindsAnUndeclaredTextARecordWideMarkDoesNotCoverAndAnUndeclaredRecord() {
        assertThat(undeclared(List.of(Declared.class))).isEmpty();
        assertThat(undeclared(List.of(NewFieldInDeclaredRecord.class)))
                .containsExactly(NewFieldInDeclaredRecord.class.getName() + ".suspectName");
        assertThat(undeclared(List.of(Undeclared.class))).containsExactly(Undeclared.class.getName() + ".caseId",
                Held.class.getName() + ".aliases[]");
    }

    @NonPersonal
    record Declared(String caseId, @Personal String note, @NonPersonal String substanceName) {
    }

    @NonPersonal
    record NewFieldInDeclaredRecord(String caseId, String suspectName) {
    }

    record Held(List<String> aliases) {
    }

    record Undeclared(String caseId, @Personal String note, List<Held> held) {
    }

    static List<String> undeclared(Collection<Class<?>> events) {
        List<String> undeclared = new ArrayList<>();
        for (Class<?> record : reachable(events)) {
            boolean recordWide = record.isAnnotationPresent(NonPersonal.class);
            for (RecordComponent component : record.getRecordComponents()) {
                if (!isText(component) || component.isAnnotationPresent(Personal.class)
                        || component.isAnnotationPresent(NonPersonal.class)) {
                    continue;
                }
                if (!recordWide || suggestsAPerson(component.getName())) {
                    undeclared.add(record.getName() + "." + component.getName()
                            + (component.getType() == String.class ? "" : "[]"));
                }
            }
        }
        return undeclared;
    }

    /** The event records and every record they hold, directly or in collections, in a stable order. */
    static List<Class<?>> reachable(Collection<Class<?>> events) {
        List<Class<?>> found = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        events.forEach(event -> walk(event, found, seen));
        return found;
    }

    private static void walk(Class<?> type, List<Class<?>> found, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        found.add(type);
        for (RecordComponent component : type.getRecordComponents()) {
            walk(component.getType(), found, seen);
            Class<?> element = element(component);
            if (element != null) {
                walk(element, found, seen);
            }
        }
    }

    private static boolean isText(RecordComponent component) {
        return component.getType() == String.class
                || (Collection.class.isAssignableFrom(component.getType()) && element(component) == String.class);
    }

    private static Class<?> element(RecordComponent component) {
        if (component.getGenericType() instanceof ParameterizedType parameterized) {
            Type argument = parameterized.getActualTypeArguments()[0];
            return argument instanceof Class<?> element ? element : null;
        }
        return null;
    }
}
