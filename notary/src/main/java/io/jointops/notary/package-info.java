/**
 * The notary (only with {@code jointops.notary.enabled=true}): hashes every stored event over its canonical form,
 * keeps the RFC 9162 Merkle tree over those hashes in global order, issues checkpoints signed by each participating
 * agency's Ed25519 key, and publishes checkpoints, proofs and export bundles under {@code /api/audit} for auditors.
 * The formats live in the {@code jointops-audit} module and {@code docs/audit-format.md}.
 */
package io.jointops.notary;
