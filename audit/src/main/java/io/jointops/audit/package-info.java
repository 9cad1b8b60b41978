/**
 * Tamper evidence of the event store, free of Spring and Axon: the canonical content hash of an event, the RFC 9162
 * Merkle tree with its inclusion, consistency and range proofs, signed checkpoints, export bundles, and the offline
 * verifier that checks a bundle with only the agencies' public keys. The format is specified in
 * {@code docs/audit-format.md}.
 */
package io.jointops.audit;
