package io.jointops.platform.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * The service's part of the partner feed, for the gateway's {@code /api/feed} only: outside {@code /api}, so the
 * gateway routes no client here (its positions would tell how much the platform holds), and for a partner system's
 * token (role {@code feed-reader}), which the gateway passes on: the service decides from the token, as for any read.
 */
@Hidden // the gateway's /api/feed is the API
@RestController
class FeedController {

    static final String PATH = "/internal/feed";
    static final int MAX_LIMIT = 500;
    static final int MAX_WAIT_SECONDS = 30;

    private final PartnerFeed feed;

    FeedController(PartnerFeed feed) {
        this.feed = feed;
    }

    /**
     * @param after the position read up to (the previous page's {@code last}); 0 from the start
     * @param wait  seconds to wait for news when there is none (a long poll), 0 to answer at once
     */
    @Operation(summary = "This service's part of the partner feed, for the gateway's /api/feed only")
    @GetMapping(PATH)
    @PreAuthorize("hasRole('feed-reader')")
    FeedPage feed(Caller caller, @RequestParam(defaultValue = "0") long after,
                  @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int wait) {
        if (after < 0) {
            throw new InvalidRequestException("after", "must be 0 or a position from an earlier page");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw new InvalidRequestException("wait", "must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
        return feed.read(caller, after, limit, Duration.ofSeconds(wait));
    }
}
