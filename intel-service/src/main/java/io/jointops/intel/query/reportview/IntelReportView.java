package io.jointops.intel.query.reportview;

import io.jointops.api.intel.IntelEntity;
import io.jointops.api.intel.IntelRelation;
import io.jointops.api.intel.TraffickingRoute;
import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A report as an agency may see it. {@code version} is the aggregate's version, used as ETag.
 *
 * @param grading  Admiralty code: source reliability and information credibility, e.g. {@code B2}
 * @param grades   every grade the report had, oldest first; the last is the current one
 * @param status   {@code DRAFT}, {@code SUBMITTED_FOR_RELEASE}, {@code RETURNED}, {@code DISSEMINATED} or {@code WITHDRAWN}
 * @param feedback of the receiving agencies: all of it for the owner, its own for a receiving agency
 * @param onwardRequests requests to pass the report on: all for the owner, its own for a receiving agency
 */
public record IntelReportView(
        String id,
        String title,
        String summary,
        String body,
        String category,
        String sourceReliability,
        int informationCredibility,
        String grading,
        List<Grade> grades,
        String ownerAgency,
        List<String> releasedTo,
        String tlp,
        String handlingCode,
        String handlingRestriction,
        String status,
        String returnComments,
        String withdrawalReason,
        List<IntelEntity> entities,
        List<IntelRelation> relations,
        TraffickingRoute route,
        List<OnwardRequest> onwardRequests,
        List<Feedback> feedback,
        List<String> linkedCases,
        long version,
        Instant createdAt,
        String createdBy,
        Instant disseminatedAt,
        Instant updatedAt) implements Versioned, SharedItem {

    /** One grade of the report's history: what it was set to, why, when and by whom. */
    public record Grade(String grading, String reason, Instant at, String by) {
    }

    /** @param status {@code PENDING}, {@code CONSENTED} or {@code REFUSED} */
    public record OnwardRequest(String requestId, String requestingAgency, String toAgency, String justification,
                                String status, String comment, Instant requestedAt, String requestedBy,
                                Instant decidedAt, String decidedBy) {
    }

    public record Feedback(String agency, String kind, String comment, Instant at, String by) {
    }

    /** Partners see a report once it is disseminated (and after it is withdrawn); the owner always. */
    @Override
    public Set<String> audience() {
        boolean released = status.equals("DISSEMINATED") || status.equals("WITHDRAWN");
        return SharedItem.agencies(released ? releasedTo : java.util.List.of(), ownerAgency);
    }

    /**
     * What {@code agency} is shown: the owner (and auditors, {@code null}) everything; a receiving agency neither the
     * supervisor's return comments, nor the grades of the drafts, nor other agencies' feedback and requests.
     */
    public IntelReportView shownTo(String agency) {
        if (agency == null || agency.equals(ownerAgency)) {
            return this;
        }
        return new IntelReportView(id, title, summary, body, category, sourceReliability, informationCredibility,
                grading, gradesSinceDissemination(), ownerAgency, releasedTo, tlp, handlingCode, handlingRestriction, status, null,
                withdrawalReason, entities, relations, route,
                onwardRequests.stream().filter(request -> request.requestingAgency().equals(agency)).toList(),
                feedback.stream().filter(given -> given.agency().equals(agency)).toList(),
                linkedCases, version, createdAt, createdBy, disseminatedAt, updatedAt);
    }

    /**
     * The grades from the dissemination on: the one the report was disseminated with (dated then), and every
     * re-grading after it. The grades its drafts went through are the owner's.
     */
    private List<Grade> gradesSinceDissemination() {
        if (disseminatedAt == null) {
            return grades;
        }
        List<Grade> shown = new ArrayList<>();
        Grade disseminatedWith = null;
        for (Grade grade : grades) {
            if (grade.at().isAfter(disseminatedAt)) {
                shown.add(grade);
            } else {
                disseminatedWith = grade;
            }
        }
        if (disseminatedWith != null) {
            shown.add(0, new Grade(disseminatedWith.grading(), "as disseminated", disseminatedAt, disseminatedWith.by()));
        }
        return List.copyOf(shown);
    }

    /** Whether reads are logged: {@code TLP:AMBER} or stricter. */
    public boolean readsLogged() {
        return tlp.equals("TLP:RED") || tlp.equals("TLP:AMBER+STRICT") || tlp.equals("TLP:AMBER");
    }
}
