package io.jointops.platform.webhook;

import io.jointops.platform.axon.ContractEvents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which events a webhook wants: event types as the partner feed names them ({@code type}: the contract's event name,
 * e.g. {@code WatchlistAlertRaisedEvent}), or {@value #ALL} for every event of the agency's feed. The type is the
 * event's as the feed shows it, so a webhook of {@code CaseNoteAddedEvent} also gets the stand-in of a note withheld
 * from its agency, as the feed carries it.
 */
public final class WebhookEventTypes {

    public static final String ALL = "*";
    /** The most types one webhook names. */
    public static final int MAX_TYPES = 100;

    /** The contracts' events by the name the feed gives them (its history entry's {@code type}). */
    private static final Set<String> KNOWN = ContractEvents.ALL.stream().map(Class::getSimpleName)
            .collect(Collectors.toUnmodifiableSet());

    private WebhookEventTypes() {
    }

    /**
     * The types as given, each once, in their order; refused ({@link IllegalArgumentException}, the reason) if there
     * are none, too many, or one is not an event of the platform.
     */
    public static List<String> check(List<String> types) {
        if (types == null || types.isEmpty()) {
            throw new IllegalArgumentException("must name at least one event type, or " + ALL + " for every event");
        }
        if (types.size() > MAX_TYPES) {
            throw new IllegalArgumentException("must name at most " + MAX_TYPES + " event types");
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String type : types) {
            if (type == null || !(type.equals(ALL) || KNOWN.contains(type))) {
                throw new IllegalArgumentException("'" + type + "' is not an event type of the platform (as the feed "
                        + "names them, e.g. WatchlistAlertRaisedEvent), nor " + ALL);
            }
            checked.add(type);
        }
        return List.copyOf(checked);
    }

    /** Whether a webhook of {@code types} wants an event of {@code type}. */
    public static boolean accepts(List<String> types, String type) {
        return types.contains(ALL) || types.contains(type);
    }
}
