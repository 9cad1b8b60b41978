package io.jointops.platform.replay;

/** No view of this service is kept by the named processing group: answered with 404. */
public class UnknownViewException extends RuntimeException {

    public UnknownViewException(String processingGroup) {
        super("This service has no view '" + processingGroup + "' to rebuild.");
    }
}
