package io.jointops.cases.query.caseview;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A case as an agency taking part in it sees it. {@code version} is the aggregate's version, used as ETag.
 *
 * @param status        OPENED, ACTIVE, SUSPENDED or CLOSED
 * @param closingReason why it was closed, while it is closed
 * @param subjects      the persons, companies, phone numbers, accounts, wallets ... the case is about, in the order named
 */
public record CaseView(
        String id,
        String title,
        String summary,
        String leadAgency,
        List<String> partnerAgencies,
        String tlp,
        String handlingCode,
        String status,
        String closingReason,
        List<String> tags,
        long version,
        Instant openedAt,
        String openedBy,
        Instant updatedAt,
        List<Member> members,
        List<LinkedItem> linkedItems,
        List<Subject> subjects) implements Versioned, SharedItem {

    /** An officer on the case with a case role. */
    public record Member(String username, String agency, String role, Instant addedAt) {
    }

    /**
     * A subject of the case: an identifier of a kind ({@code io.jointops.api.shared.Identifies.Kind}), as written and in
     * its canonical form.
     *
     * @param country the country a national phone number is dialled in; null otherwise
     * @param label   its role in the case; null if none
     * @param agency  the agency of the officer who named it
     */
    public record Subject(String id, String kind, String value, String canonical, String country, String label,
                          String agency, String addedBy, Instant addedAt) {
    }

    /**
     * An item of another service linked to the case, with its title and status as its owning service last reported
     * them. {@code type} and {@code id} are also given as {@code itemType} and {@code itemId}.
     *
     * @param visibleTo the agencies of the case when the link was recorded: those the owning service confirmed may
     *                  see the item. An agency added to the case later is not among them: its owner did not release
     *                  the item to it through the link. Empty for a link stored before this was kept, until the case
     *                  view is replayed.
     */
    public record LinkedItem(String type, String id, String title, String status, Instant linkedAt, Instant updatedAt,
                             List<String> visibleTo) {

        @JsonProperty("itemType")
        public String itemType() {
            return type;
        }

        @JsonProperty("itemId")
        public String itemId() {
            return id;
        }
    }

    /** The lead agency and the partners. */
    @Override
    public Set<String> audience() {
        return SharedItem.agencies(partnerAgencies, leadAgency);
    }

    /**
     * What {@code agency} is shown of the case: the linked items whose owner released them to it (their
     * {@link LinkedItem#visibleTo}); everything for joint auditors ({@code null}).
     */
    public CaseView shownTo(String agency) {
        if (agency == null || linkedItems.stream().allMatch(item -> item.visibleTo().contains(agency))) {
            return this;
        }
        return new CaseView(id, title, summary, leadAgency, partnerAgencies, tlp, handlingCode, status, closingReason,
                tags, version, openedAt, openedBy, updatedAt, members,
                linkedItems.stream().filter(item -> item.visibleTo().contains(agency)).toList(), subjects);
    }

    /** Whether {@code agency} is shown the linked item {@code type}:{@code itemId} (auditors, {@code null}: all). */
    public boolean showsLinkedItem(String type, String itemId, String agency) {
        return linkedItems.stream().anyMatch(item -> item.type().equals(type) && item.id().equals(itemId)
                && (agency == null || item.visibleTo().contains(agency)));
    }

    /** The lead agency and the partners. */
    public List<String> agencies() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(leadAgency), partnerAgencies.stream()).toList();
    }
}
