package io.jointops.cases.query.caseview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * All that the case view keeps of one case: the case as {@link CaseViews} shows it, with its tasks and notes (which
 * are read through their own queries, the notes filtered per agency). {@link CaseViewFold} computes it from the case's
 * events; {@link CaseViewProjector} stores it.
 */
record CaseViewRecord(CaseView view, List<Task> tasks, List<Note> notes) {

    /** A task as stored; whether it is overdue is decided when it is read. */
    record Task(String taskId, String title, String assignee, LocalDate dueDate, String status, Instant createdAt,
                Instant updatedAt) {
    }

    /** A note with its own TLP label. */
    record Note(String noteId, String text, String tlp, String author, String agency, Instant writtenAt) {
    }

    /** The last sequence number of the case's events applied. */
    long version() {
        return view.version();
    }
}
