package io.jointops.intel.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Each agency's deconfliction point of contact, as a notice tells it to the other agency
 * ({@code jointops.deconfliction.contacts.<agency>}): a desk, an e-mail address, a phone number, in words.
 */
@ConfigurationProperties("jointops.deconfliction")
public record DeconflictionContacts(Map<String, String> contacts) {

    public DeconflictionContacts {
        contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
    }

    /** The agency's point of contact; without one configured, where to ask for it. */
    String of(String agency) {
        String contact = contacts.get(agency);
        return contact != null && !contact.isBlank() ? contact
                : "No deconfliction point of contact of " + agency + " is configured: ask the platform's operators"
                + " to put you in touch.";
    }
}
