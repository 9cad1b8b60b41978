package io.jointops.api.evidence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attach a file the platform has stored (and hashed) to an item, optionally replacing one of the item's files.
 * Every aggregate that holds files handles it under a command name of its own ({@link #nameFor}), since one command
 * type is routed to one handler.
 *
 * @param fileId       new, chosen by the platform
 * @param originalName the file's name as the uploader gave it (shown, never used as a path)
 * @param reason       why it is added: what it shows, where it comes from
 * @param supersedes   a file of the item this one replaces, or null
 */
public record AddEvidenceFileCommand(
        @TargetAggregateIdentifier String itemId,
        String fileId,
        EvidenceContent content,
        String originalName,
        String reason,
        String supersedes,
        EvidenceActor actor) {

    /** The name prefix of this command; the aggregate's type follows after {@code @}. */
    public static final String NAME = "io.jointops.api.evidence.AddEvidenceFileCommand";

    /** The command name under which the aggregate of type {@code aggregateType} handles it. */
    public static String nameFor(String aggregateType) {
        return NAME + "@" + aggregateType;
    }
}
