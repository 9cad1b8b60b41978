/**
 * Tamper evidence of the event store, free of Spring and Axon: the canonical content hash of an event, the RFC 9162
 * Merkle tree with its inclusion, consistency and range proofs, signed checkpoints, export bundles, and the offline
 * verifier that checks a bundle under an auditor's trust policy (the log's origin, the agencies' public keys, which of
 * them must have signed). The format is specified in
 * {@code docs/audit-format.md}.
 */
package io.jointops.audit;
