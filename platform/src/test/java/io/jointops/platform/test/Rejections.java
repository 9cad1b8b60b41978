package io.jointops.platform.test;

import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Objects;

/** Matches a refused command by what the web layer maps it from: the reason, the field and words of the detail. */
public final class Rejections {

    private Rejections() {
    }

    public static Matcher<Throwable> rejected(Reason reason, String field, String... detailContains) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                if (!(thrown instanceof CommandRejectedException rejected)
                        || rejected.rejection().reason() != reason
                        || !Objects.equals(rejected.rejection().field(), field)) {
                    return false;
                }
                for (String words : detailContains) {
                    if (!rejected.rejection().detail().contains(words)) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection " + reason + " of field " + field + " whose detail contains "
                        + String.join(", ", detailContains));
            }

            @Override
            protected void describeMismatchSafely(Throwable thrown, Description description) {
                description.appendText(thrown instanceof CommandRejectedException rejected
                        ? "was " + rejected.rejection() : "was " + thrown);
            }
        };
    }
}
