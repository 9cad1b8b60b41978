package io.jointops.api.finance;

/** How soon the requesting agency needs an answer. */
public enum FreezeUrgency {
    ROUTINE, URGENT, IMMEDIATE
}
