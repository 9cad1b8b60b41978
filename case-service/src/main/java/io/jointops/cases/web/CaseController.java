package io.jointops.cases.web;

import io.jointops.api.cases.ActivateCaseCommand;
import io.jointops.api.cases.AddCaseMemberCommand;
import io.jointops.api.cases.AddCaseNoteCommand;
import io.jointops.api.cases.AddCasePartnerCommand;
import io.jointops.api.cases.AddCaseTaskCommand;
import io.jointops.api.cases.ChangeCaseTaskStatusCommand;
import io.jointops.api.cases.CloseCaseCommand;
import io.jointops.api.cases.RemoveCaseMemberCommand;
import io.jointops.api.cases.ReopenCaseCommand;
import io.jointops.api.cases.SetCaseTagsCommand;
import io.jointops.api.cases.SuspendCaseCommand;
import io.jointops.cases.integration.OwnerLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.jointops.api.cases.OpenCaseCommand;
import io.jointops.cases.query.caseview.CaseView;
import io.jointops.cases.query.caseview.CaseViews;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import io.jointops.platform.web.ItemResponses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.springframework.http.HttpHeaders.IF_MATCH;

/**
 * Joint cases. Who may act (checked by the JointCase aggregate, from the token's user, agency and roles):
 * <ul>
 * <li>reading (case, members, tasks, notes, timeline, history): any officer of the lead or a partner agency, and
 *     auditors; anyone else gets 404 as for a missing case;</li>
 * <li>acting on the case (tags, tasks, notes, links, cooperation requests of the case): members of the case, the
 *     officer who opened it, and supervisors of its agencies;</li>
 * <li>partners: added by a {@code supervisor} of the lead agency or the case's lead investigator;</li>
 * <li>members: added/removed by the lead agency's supervisors, the opener and the lead investigator; a partner
 *     agency's supervisor manages its own agency's members;</li>
 * <li>lifecycle: activation by those who manage members for the lead agency; suspend, resume, close, reopen by a
 *     {@code supervisor} of the lead agency.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Joint cases", description = "Reading needs a participating agency; acting needs case membership, the "
        + "opener or a supervisor of a participating agency; adding a partner needs a supervisor of the lead agency or "
        + "the lead investigator; suspend/close/reopen need a supervisor of the lead agency.")
class CaseController {

    private static final Pattern SORT = Pattern.compile("(openedAt|updatedAt|title|status)(?:,(asc|desc))?");

    private final CaseViews views;
    private final OwnerLinks owners;
    private final Timeline timeline;
    private final ItemResponses<CaseView> cases;

    CaseController(CommandGateway commands, CaseViews views, EventHistory history, OwnerLinks owners, Timeline timeline) {
        this.views = views;
        this.owners = owners;
        this.timeline = timeline;
        this.cases = new ItemResponses<>("case", views, commands, history);
    }

    /** Opens a case; a retry with the same {@code Idempotency-Key} and body answers with the first one's case. */
    @Operation(summary = "Open a joint case (lead agency: the caller's), with its partner agencies")
    @PostMapping
    @PreAuthorize("hasAnyRole('investigator', 'supervisor')")
    ResponseEntity<CaseView> open(Caller caller,
                                  @RequestHeader(name = ItemResponses.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                  @Valid @RequestBody CaseRequests.OpenCase request) {
        return cases.create(caller, idempotencyKey, request, CaseController::location,
                caseId -> new OpenCaseCommand(caseId, request.title(), request.summary(), caller.agency(),
                        request.partnerAgencies() == null ? Set.of() : new HashSet<>(request.partnerAgencies()),
                        request.tlp(), request.handlingCode()));
    }

    /**
     * The case now, or with {@code asOf} as it was at that instant, rebuilt from its events: only if the caller may see
     * it now and could see it then; otherwise (or if it did not exist yet) 404.
     */
    @Operation(summary = "One case, or as it was at asOf")
    @GetMapping("/{caseId}")
    ResponseEntity<CaseView> get(Caller caller, @PathVariable String caseId,
                                 @RequestParam(required = false) Instant asOf) {
        return cases.get(caller, caseId, asOf);
    }

    @GetMapping
    @Operation(summary = "Search the cases the caller's agency takes part in",
            description = "Filters: status (OPENED, ACTIVE, SUSPENDED, CLOSED), agency (lead or partner), member "
                    + "(user name), tag, q (free text in title or summary). sort: openedAt|updatedAt|title|status, "
                    + "optionally ',asc' or ',desc' (default openedAt,desc).")
    Page<CaseView> list(Caller caller,
                        @RequestParam(required = false) @jakarta.validation.constraints.Pattern(regexp = "OPENED|ACTIVE|SUSPENDED|CLOSED") String status,
                        @RequestParam(required = false) @jakarta.validation.constraints.Pattern(regexp = io.jointops.api.shared.Agencies.PATTERN) String agency,
                        @RequestParam(required = false) @jakarta.validation.constraints.Size(max = 100) String member,
                        @RequestParam(required = false) @jakarta.validation.constraints.Size(max = 40) String tag,
                        @RequestParam(required = false) @jakarta.validation.constraints.Size(max = 200) String q,
                        @RequestParam(defaultValue = "openedAt,desc") String sort,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Matcher sorting = SORT.matcher(sort);
        if (!sorting.matches()) {
            throw new InvalidRequestException("sort", "must be openedAt, updatedAt, title or status, optionally followed by ,asc or ,desc");
        }
        return views.search(caller.agencyFilter(), new CaseViews.Search(status, agency, member, tag, q),
                sorting.group(1), "asc".equals(sorting.group(2)), page, size);
    }

    @PostMapping("/{caseId}/partners")
    @PreAuthorize("hasAnyRole('investigator', 'supervisor')")
    @Operation(summary = "Add a partner agency (a supervisor of the lead agency or the case's lead investigator)")
    ResponseEntity<CaseView> addPartner(Caller caller, @PathVariable String caseId,
                                        @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody CaseRequests.AddPartner request) {
        return cases.write(caller, caseId, ifMatch,
                expected -> new AddCasePartnerCommand(caseId, request.agency(), Actors.of(caller), expected));
    }

    /**
     * Links an item of another service. The owning service decides (every agency of the case must be allowed to see
     * the item); the link then reaches the case through that service's event. 200 with the case once the link shows
     * (within 5 s), else 202: the link is recorded when the owner's event arrives. A refusal is the owner's 4xx.
     */
    @Operation(summary = "Link an item of another service to the case (its owner decides)")
    @PostMapping("/{caseId}/links")
    @PreAuthorize("hasAnyRole('investigator', 'analyst', 'supervisor')")
    ResponseEntity<CaseView> link(Caller caller, @PathVariable String caseId,
                                  @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                  @Valid @RequestBody CaseRequests.LinkItem request) {
        CaseView view = cases.visible(caller, caseId, ifMatch);
        if (!view.visibleTo(caller.agency())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only agencies taking part in the case link items to it.");
        }
        requireActing(caller, view);
        Set<String> caseAgencies = new HashSet<>(view.partnerAgencies());
        caseAgencies.add(view.leadAgency());
        owners.requestLink(request.itemType(), request.itemId(), caseId, caseAgencies, caller.agency());
        return cases.written(caller, ReadYourWrites.await(caseId, () -> views.find(caseId, null),
                linked -> linked.linkedItems().stream().anyMatch(item -> item.id().equals(request.itemId())
                        && item.type().equals(request.itemType().name())), ReadYourWrites.TIMEOUT));
    }

    @Operation(summary = "The case's events, as the caller's agency is shown them")
    @GetMapping("/{caseId}/history")
    HistoryPage history(Caller caller, @PathVariable String caseId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return timeline.history(caseId, page, size, caller, cases.visible(caller, caseId));
    }

    @GetMapping("/{caseId}/timeline")
    @Operation(summary = "The case's events, its linked items' changes and its cooperation requests, in order",
            description = "Filtered to what the caller may see: another agency's TLP:RED notes, requests between "
                    + "other agencies and linked items not released to the caller's agency are left out. Global "
                    + "positions only for auditors.")
    List<Timeline.Entry> timeline(Caller caller, @PathVariable String caseId) {
        return timeline.of(caseId, caller, cases.visible(caller, caseId));
    }

    // --- lifecycle

    @PostMapping("/{caseId}/activate")
    @PreAuthorize("hasAnyRole('investigator', 'supervisor')")
    @Operation(summary = "Activate an opened case (lead agency: supervisor, opener or lead investigator), or resume a "
            + "suspended one (supervisor of the lead agency)")
    ResponseEntity<CaseView> activate(Caller caller, @PathVariable String caseId,
                                      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return cases.write(caller, caseId, ifMatch, () -> new ActivateCaseCommand(caseId, Actors.of(caller)));
    }

    @PostMapping("/{caseId}/suspend")
    @PreAuthorize("hasRole('supervisor')")
    @Operation(summary = "Suspend the case (supervisor of the lead agency)")
    ResponseEntity<CaseView> suspend(Caller caller, @PathVariable String caseId,
                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                     @Valid @RequestBody CaseRequests.Reason request) {
        return cases.write(caller, caseId, ifMatch,
                () -> new SuspendCaseCommand(caseId, request.reason(), Actors.of(caller)));
    }

    @PostMapping("/{caseId}/close")
    @PreAuthorize("hasRole('supervisor')")
    @Operation(summary = "Close the case with a closing reason (supervisor of the lead agency)")
    ResponseEntity<CaseView> close(Caller caller, @PathVariable String caseId,
                                   @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                   @Valid @RequestBody CaseRequests.CloseCase request) {
        return cases.write(caller, caseId, ifMatch,
                () -> new CloseCaseCommand(caseId, request.closingReason(), request.remarks(), Actors.of(caller)));
    }

    @PostMapping("/{caseId}/reopen")
    @PreAuthorize("hasRole('supervisor')")
    @Operation(summary = "Reopen a closed case (supervisor of the lead agency)")
    ResponseEntity<CaseView> reopen(Caller caller, @PathVariable String caseId,
                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody CaseRequests.Reason request) {
        return cases.write(caller, caseId, ifMatch,
                () -> new ReopenCaseCommand(caseId, request.reason(), Actors.of(caller)));
    }

    @PutMapping("/{caseId}/tags")
    @PreAuthorize("hasAnyRole('investigator', 'analyst', 'supervisor')")
    @Operation(summary = "Replace the case's tags (members, the opener, supervisors of its agencies)")
    ResponseEntity<CaseView> tags(Caller caller, @PathVariable String caseId,
                                  @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                  @Valid @RequestBody CaseRequests.Tags request) {
        return cases.write(caller, caseId, ifMatch,
                () -> new SetCaseTagsCommand(caseId, new HashSet<>(request.tags()), Actors.of(caller)));
    }

    // --- members

    @PostMapping("/{caseId}/members")
    @PreAuthorize("hasAnyRole('investigator', 'supervisor')")
    @Operation(summary = "Join an officer of a participating agency to the case with a case role",
            description = "Lead agency's supervisors, the opener and the lead investigator add anyone; a partner "
                    + "agency's supervisor adds its own officers. LEAD_INVESTIGATOR is an officer of the lead agency.")
    ResponseEntity<CaseView> addMember(Caller caller, @PathVariable String caseId,
                                       @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody CaseRequests.AddMember request) {
        return cases.write(caller, caseId, ifMatch,
                () -> new AddCaseMemberCommand(caseId, request.username(), request.agency(),
                request.role(), Actors.of(caller)));
    }

    @DeleteMapping("/{caseId}/members/{username}")
    @PreAuthorize("hasAnyRole('investigator', 'supervisor')")
    @Operation(summary = "Remove a member (as for adding)")
    ResponseEntity<CaseView> removeMember(Caller caller, @PathVariable String caseId, @PathVariable String username,
                                          @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return cases.write(caller, caseId, ifMatch,
                () -> new RemoveCaseMemberCommand(caseId, username, Actors.of(caller)));
    }

    // --- tasks

    @GetMapping("/{caseId}/tasks")
    @Operation(summary = "The case's tasks by due date; overdue ones are flagged")
    List<CaseViews.Task> tasks(Caller caller, @PathVariable String caseId) {
        cases.visible(caller, caseId);
        return views.tasks(caseId);
    }

    @PostMapping("/{caseId}/tasks")
    @PreAuthorize("hasAnyRole('investigator', 'analyst', 'supervisor')")
    @Operation(summary = "Add a task assigned to a member (members, the opener, supervisors of its agencies)")
    ResponseEntity<CaseViews.Task> addTask(Caller caller, @PathVariable String caseId,
                                           @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody CaseRequests.AddTask request) {
        String taskId = UUID.randomUUID().toString();
        cases.write(caller, caseId, ifMatch,
                () -> new AddCaseTaskCommand(caseId, taskId, request.title(), request.assignee(),
                request.dueDate(), Actors.of(caller)));
        return views.tasks(caseId).stream().filter(task -> task.taskId().equals(taskId)).findFirst()
                .map(task -> ResponseEntity.created(URI.create("/api/cases/" + caseId + "/tasks/" + taskId)).body(task))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }

    @PostMapping("/{caseId}/tasks/{taskId}/status")
    @PreAuthorize("hasAnyRole('investigator', 'analyst', 'supervisor')")
    @Operation(summary = "Move a task to OPEN, IN_PROGRESS, DONE or CANCELLED (members, the opener, supervisors)")
    ResponseEntity<CaseViews.Task> taskStatus(Caller caller, @PathVariable String caseId, @PathVariable String taskId,
                                              @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody CaseRequests.TaskStatus request) {
        cases.write(caller, caseId, ifMatch,
                () -> new ChangeCaseTaskStatusCommand(caseId, taskId, request.status(), Actors.of(caller)));
        return views.tasks(caseId).stream().filter(task -> task.taskId().equals(taskId)).findFirst()
                .map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.accepted().build());
    }

    // --- notes

    @GetMapping("/{caseId}/notes")
    @Operation(summary = "The case's notes the caller's agency may read (TLP:RED notes only for the writing agency)")
    List<CaseViews.Note> notes(Caller caller, @PathVariable String caseId) {
        cases.visible(caller, caseId);
        return views.notes(caseId, caller.agencyFilter());
    }

    @PostMapping("/{caseId}/notes")
    @PreAuthorize("hasAnyRole('investigator', 'analyst', 'supervisor')")
    @Operation(summary = "Write a note with its own TLP label (members, the opener, supervisors of its agencies)")
    ResponseEntity<CaseViews.Note> addNote(Caller caller, @PathVariable String caseId,
                                           @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody CaseRequests.AddNote request) {
        String noteId = UUID.randomUUID().toString();
        cases.write(caller, caseId, ifMatch,
                () -> new AddCaseNoteCommand(caseId, noteId, request.text(), request.tlp(), Actors.of(caller)));
        return views.notes(caseId, caller.agency()).stream().filter(note -> note.noteId().equals(noteId)).findFirst()
                .map(note -> ResponseEntity.created(URI.create("/api/cases/" + caseId + "/notes/" + noteId)).body(note))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }

    /** Members, the opener and supervisors of the case's agencies act on it (as JointCase decides for its commands). */
    static void requireActing(Caller caller, CaseView view) {
        boolean member = view.members().stream().anyMatch(m -> m.username().equals(caller.username())
                && m.agency().equals(caller.agency()));
        boolean opener = caller.username() != null && caller.username().equals(view.openedBy());
        if (!(member || opener || caller.hasRole(Actors.SUPERVISOR)) || !view.visibleTo(caller.agency())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only members of the case and supervisors of its agencies act on it.");
        }
    }

    private static URI location(String caseId) {
        return URI.create("/api/cases/" + caseId);
    }
}
