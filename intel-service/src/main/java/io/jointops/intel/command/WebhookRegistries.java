package io.jointops.intel.command;

/** The id of an agency's webhooks: one registry per agency, so its id follows from the agency. */
public final class WebhookRegistries {

    private WebhookRegistries() {
    }

    public static String of(String agency) {
        return "webhooks-" + agency;
    }
}
