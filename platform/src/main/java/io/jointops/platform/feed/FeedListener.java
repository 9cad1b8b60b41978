package io.jointops.platform.feed;

import java.util.List;

/**
 * Told of the events the partner feed has just put on agencies' feeds, in the feed processor's transaction, after the
 * batch's rows are written: what the feed delivers is each context's decision (its view's audience and its
 * {@link FeedKind#policy}), so whoever acts on "released to an agency" (watchlists) asks the feed rather than keeping
 * a second visibility policy. A listener that throws fails the batch, which the processor retries; its work should
 * be small and durable in that transaction (a task scheduled in it), never a call to another service.
 */
public interface FeedListener {

    /** The events of a batch, each once per agency it went to, in the feed's order. */
    void delivered(List<Delivery> deliveries);

    /**
     * Event {@code sequence} of item {@code itemId} of {@code kind} went onto {@code agency}'s feed (as its
     * {@link FeedKind#policy} shows it to that agency: ask it, the row says only that the event went).
     *
     * @param eventType the event's name as the feed gives it ({@code type}, e.g. {@code CaseOpenedEvent}); null for an
     *                  earlier event of the item, not in the batch, that goes to an agency the item reached in it
     */
    record Delivery(String agency, FeedKind<?> kind, String itemId, long sequence, String eventType) {
    }
}
