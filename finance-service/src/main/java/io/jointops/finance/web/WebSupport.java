package io.jointops.finance.web;

import io.jointops.platform.web.InvalidRequestException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the finance controllers share: entity tags as versions. */
final class WebSupport {

    private static final Pattern ENTITY_TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private WebSupport() {
    }

    /** The version an {@code If-Match} header names, or {@code null} without one. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidRequestException("If-Match", "must be an entity tag from the ETag header, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
