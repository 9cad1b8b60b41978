package io.jointops.api.finance;

/** UNODC goAML report codes. */
public enum ReportCode {
    /** suspicious transaction report */ STR,
    /** cash transaction report */ CTR,
    /** unusual transaction report */ UTR,
    /** international funds transfer report */ IFT,
    /** additional information file: a reply to a request from the financial intelligence unit */ AIF
}
