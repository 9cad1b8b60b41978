package io.jointops.api.chemicals;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import static io.jointops.api.shared.Identifies.Kind.ORGANISATION_NAME;
import static io.jointops.api.shared.Identifies.Kind.PERSON_NAME;

/**
 * An exporter, importer or consignee: the Convention asks for name and address of each.
 *
 * @param name a company's or a person's: the notification does not say which, so it is matched as both
 */
@NonPersonal
public record Party(@Identifies(kind = {PERSON_NAME, ORGANISATION_NAME}) @Personal @NotBlank @Size(max = 200) String name, @NotNull @Valid Address address) {
}
