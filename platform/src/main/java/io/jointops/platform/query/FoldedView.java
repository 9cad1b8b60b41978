package io.jointops.platform.query;

import java.util.Set;

/**
 * A projector whose one handler takes every event and lets its view's fold decide (the fold that also answers
 * {@code asOf}). It names the events the fold applies, so that its processor reads and wakes for those only: without
 * this, a handler of {@code Object} makes its processor read every event of every service.
 */
public interface FoldedView {

    /** The event classes the view's fold applies; every other event leaves the view as it is. */
    Set<Class<?>> foldedEvents();
}
