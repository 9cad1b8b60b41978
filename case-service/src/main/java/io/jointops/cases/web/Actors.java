package io.jointops.cases.web;

import io.jointops.api.cases.CaseActor;
import io.jointops.platform.security.Caller;

/** The caller as the aggregates judge permissions: user name, agency and supervisor role, all from the token. */
final class Actors {

    static final String SUPERVISOR = "supervisor";

    private Actors() {
    }

    static CaseActor of(Caller caller) {
        return new CaseActor(caller.username(), caller.agency(), caller.hasRole(SUPERVISOR));
    }
}
