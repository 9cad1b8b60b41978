package io.jointops.api.intel;

/** Admiralty code, source reliability. */
public enum SourceReliability {
    /** completely reliable */ A,
    /** usually reliable */ B,
    /** fairly reliable */ C,
    /** not usually reliable */ D,
    /** unreliable */ E,
    /** cannot be judged */ F
}
