package io.jointops.platform.command;

import io.jointops.api.evidence.AddEvidenceFileCommand;
import io.jointops.api.evidence.EvidenceContent;
import io.jointops.api.evidence.EvidenceFileAddedEvent;
import io.jointops.api.evidence.EvidenceFileSharedEvent;
import io.jointops.api.evidence.EvidenceFileSupersededEvent;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.jointops.platform.command.CommandChecks.invalid;

/**
 * The evidence files an aggregate holds, and the custody events it applies about them: one class for every aggregate
 * that holds files, so the rules are written once. The aggregate decides who may add (its own rules), calls
 * {@link #add} and {@link #shareWith} and applies what they return, and hands its event sourcing handlers' evidence
 * events to {@link #on}. Plain Java: no Spring, no Axon lifecycle.
 */
public final class EvidenceFiles {

    /**
     * The evidence events an aggregate applies to its own stream: each is a version of the item, so the item's view
     * folds them (its {@code EVENTS} name them) though they change nothing it shows.
     */
    public static final Set<Class<?>> ITEM_EVENTS = Set.of(EvidenceFileAddedEvent.class,
            EvidenceFileSupersededEvent.class, EvidenceFileSharedEvent.class);

    /** {@code events} and {@link #ITEM_EVENTS}: what the view of an item that holds files folds. */
    public static Set<Class<?>> withItemEvents(Class<?>... events) {
        Set<Class<?>> all = new HashSet<>(ITEM_EVENTS);
        all.addAll(List.of(events));
        return Set.copyOf(all);
    }

    private final String itemType;
    private final Map<String, File> files = new LinkedHashMap<>();

    private record File(String sha256, boolean superseded) {
    }

    /** @param itemType the aggregate's type, as Axon stores it (its simple class name) */
    public EvidenceFiles(String itemType) {
        this.itemType = itemType;
    }

    /**
     * The events that attach the command's file to item {@code itemId}, which {@code audience} may see (the uploader's
     * agency among them or not): the file's {@link EvidenceFileAddedEvent}, and if it replaces one, that file's
     * {@link EvidenceFileSupersededEvent}. Nothing for a file already attached (a redelivered command).
     */
    public List<Object> add(String itemId, AddEvidenceFileCommand command, Collection<String> audience) {
        if (files.containsKey(command.fileId())) {
            return List.of();
        }
        EvidenceContent content = Objects.requireNonNull(command.content(), "content");
        File replaced = null;
        if (command.supersedes() != null) {
            replaced = files.get(command.supersedes());
            if (replaced == null) {
                throw invalid("supersedes", "'" + command.supersedes() + "' is no file of this item");
            }
            if (replaced.superseded()) {
                throw new CommandRejectedException(Reason.CONFLICT, "supersedes",
                        "The file " + command.supersedes() + " has been superseded already.");
            }
        }
        String agency = command.actor().agency();
        List<String> sharedWith = audience.stream().filter(a -> !a.equals(agency)).sorted().distinct().toList();
        List<Object> events = new ArrayList<>();
        events.add(new EvidenceFileAddedEvent(itemId, itemType, command.fileId(), content.sha256(), content.size(),
                content.contentType(), content.chunkSize(), content.chunkListSha256(), command.originalName().strip(),
                command.reason().strip(), command.actor().username(), agency, sharedWith, command.supersedes()));
        if (replaced != null) {
            events.add(new EvidenceFileSupersededEvent(itemId, itemType, command.supersedes(), replaced.sha256(),
                    command.fileId(), command.reason().strip(), command.actor().username(), agency));
        }
        return events;
    }

    /** One {@link EvidenceFileSharedEvent} per file, for an item just released to {@code agency} by {@code by}. */
    public List<EvidenceFileSharedEvent> shareWith(String itemId, String agency, String by) {
        List<EvidenceFileSharedEvent> events = new ArrayList<>();
        files.forEach((fileId, file) -> events.add(
                new EvidenceFileSharedEvent(itemId, itemType, fileId, file.sha256(), agency, by)));
        return events;
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    public void on(EvidenceFileAddedEvent event) {
        files.put(event.fileId(), new File(event.sha256(), false));
    }

    public void on(EvidenceFileSupersededEvent event) {
        files.computeIfPresent(event.fileId(), (id, file) -> new File(file.sha256(), true));
    }
}
