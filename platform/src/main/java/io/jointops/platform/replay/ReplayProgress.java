package io.jointops.platform.replay;

import java.time.Instant;

/**
 * How far the rebuild of a view is, as {@code GET .../admin/replays/{processingGroup}} answers it.
 *
 * @param state            {@code replaying} until every segment of the processor is past the head position it had
 *                         when the replay started, then {@code done}; {@code idle} if no replay ran since start-up
 * @param position         the global position every segment has reached (the lowest of them)
 * @param headPosition     the event store's head when the replay started: the replay is done once there
 * @param percent          {@code position} as a share of {@code headPosition}, 0 to 100
 * @param eventsPerSecond  global positions processed per second since the replay started
 * @param secondsLeft      estimated from {@code eventsPerSecond}; {@code null} while it cannot be estimated
 * @param correlationId    the correlation id of the request that started the replay
 */
public record ReplayProgress(
        String processingGroup,
        String state,
        long position,
        long headPosition,
        double percent,
        double eventsPerSecond,
        Long secondsLeft,
        Instant startedAt,
        Instant finishedAt,
        String startedBy,
        String correlationId) {

    public static final String IDLE = "idle";
    public static final String REPLAYING = "replaying";
    public static final String DONE = "done";
}
