package io.jointops.api.evidence;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
        @NotBlank String fileId,
        @NotNull EvidenceContent content,
        @NotBlank @Size(max = 255) String originalName,
        @NotBlank @Size(max = 2000) String reason,
        @Nullable String supersedes,
        EvidenceActor actor) {

    /** The name prefix of this command; the aggregate's type follows after {@code @}. */
    public static final String NAME = "io.jointops.api.evidence.AddEvidenceFileCommand";

    /** The command name under which the aggregate of type {@code aggregateType} handles it. */
    public static String nameFor(String aggregateType) {
        return NAME + "@" + aggregateType;
    }
}
