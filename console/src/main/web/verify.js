// The offline verifier (audit/.../Verifier.java, docs/audit-format.md §6) for an item's bundle, in the browser:
// the same checks in the same order and the same verdicts, word for word, so an auditor gets in the console what
// audit-verifier.jar prints. Ed25519 through WebCrypto; range bundles are left to the jar.

const FORMATS = ['jointops-audit-bundle/v1', 'jointops-audit-bundle/v2', 'jointops-audit-bundle/v3'];
const WITHHOLDING = 'jointops-audit-bundle/v3';
const NAME = /^[A-Za-z0-9._-]{1,64}$/;
const HASH_SIZE = 32;
const STOPS_SHORT = -2;
const CHUNK = 4096; // as the jar: contents, then proofs, then chains, a chunk at a time

class Fault extends Error {}
const fail = (message) => new Fault(message);

const text = new TextEncoder();
const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const isHash = (s) => typeof s === 'string' && s.length === 2 * HASH_SIZE;

function fromHex(s) {
  if (s.length % 2 !== 0) throw new TypeError('odd number of hex digits');
  const bytes = new Uint8Array(s.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const byte = s.substr(2 * i, 2);
    if (!/^[0-9a-fA-F]{2}$/.test(byte)) throw new TypeError('not a hex digit in "' + byte + '"');
    bytes[i] = parseInt(byte, 16);
  }
  return bytes;
}

function fromBase64(s) {
  const binary = atob(s); // throws on anything but base64
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function hash(s, what) {
  if (s == null) throw fail(what + ' is missing');
  let bytes;
  try {
    bytes = fromHex(s);
  } catch (e) {
    throw fail(what + ' is not hexadecimal: ' + e.message);
  }
  if (bytes.length !== HASH_SIZE) throw fail(what + ' has ' + bytes.length + ' bytes, not ' + HASH_SIZE);
  return bytes;
}

function hashes(list, what) {
  if (list == null) throw fail(what + ' is missing');
  return list.map((s, i) => hash(s, what + ', element ' + i));
}

const sha256 = async (...parts) => {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.length; }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
};
const leafHash = (data) => sha256(Uint8Array.of(0), data);
const nodeHash = (left, right) => sha256(Uint8Array.of(1), left, right);

/** ContentHash.java: SHA-256 over the stored columns, chained to the previous hash. */
async function contentHash(event, previous) {
  const parts = [text.encode('jointops-event/v1\0'), previous];
  const u32 = (n) => Uint8Array.of(n >>> 24 & 255, n >>> 16 & 255, n >>> 8 & 255, n & 255);
  const field = (bytes) => { if (bytes == null) { parts.push(u32(0xFFFFFFFF)); } else { parts.push(u32(bytes.length), bytes); } };
  const string = (s) => field(s == null ? null : text.encode(s));
  string(event.eventIdentifier);
  string(event.aggregateIdentifier);
  const sequence = new Uint8Array(8);
  new DataView(sequence.buffer).setBigUint64(0, BigInt(event.sequenceNumber));
  parts.push(sequence);
  string(event.type);
  string(event.payloadType);
  string(event.payloadRevision);
  string(event.timeStamp);
  field(event.payload == null ? null : fromBase64(event.payload));
  field(event.metaData == null ? null : fromBase64(event.metaData));
  return sha256(...parts);
}

/** Merkle.verifyConsistency (RFC 9162 §2.1.4.2). */
async function consistent(firstSize, secondSize, firstRoot, secondRoot, proof) {
  if (firstSize < 0 || firstSize > secondSize) return false;
  if (firstSize === secondSize) return proof.length === 0 && equal(firstRoot, secondRoot);
  if (firstSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = (firstSize & (firstSize - 1)) === 0 ? [firstRoot, ...proof] : proof;
  let fn = firstSize - 1;
  let sn = secondSize - 1;
  while (fn % 2 === 1) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
  let fr = path[0];
  let sr = path[0];
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(fr, firstRoot) && equal(sr, secondRoot);
}

/** InclusionBatch.java: many inclusion proofs against one tree, each node hashed once. */
class InclusionBatch {
  constructor(treeSize, root) { this.treeSize = treeSize; this.root = root; this.proved = new Map(); }

  key(level, index) {
    while (level > 0 && index * 2 ** level + 2 ** (level - 1) >= this.treeSize) { level--; index *= 2; }
    return level + ':' + index;
  }

  async check(index, leaf, proof) {
    if (index < 0 || index >= this.treeSize) return -1;
    const n = proof.length;
    const siblingKeys = [];
    const nodeKeys = [];
    const nodes = [];
    let fn = index;
    let sn = this.treeSize - 1;
    let level = 0;
    let r = leaf;
    let known = false;
    let needed = n;
    const first = this.proved.get(this.key(0, fn));
    if (first) {
      if (!equal(first, r)) return -1;
      known = true;
      needed = 0;
    }
    for (let i = 0; i < n; i++) {
      const p = proof[i];
      if (sn === 0) return -1;
      const left = fn % 2 === 1 || fn === sn;
      if (left && fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); level++; }
      }
      siblingKeys[i] = this.key(level, left ? fn - 1 : fn + 1);
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
      level++;
      nodeKeys[i] = this.key(level, fn);
      if (known) {
        const sibling = this.proved.get(siblingKeys[i]);
        if (!sibling || !equal(sibling, p)) return -1;
        continue;
      }
      r = left ? await nodeHash(p, r) : await nodeHash(r, p);
      nodes[i] = r;
      const already = this.proved.get(nodeKeys[i]);
      if (already) {
        if (!equal(already, r)) return -1;
        known = true;
        needed = i + 1;
      }
    }
    if (!known && sn !== 0) return STOPS_SHORT;
    if (!known && !equal(r, this.root)) return -1;
    this.proved.set(this.key(0, index), leaf);
    for (let i = 0; i < n && nodes[i]; i++) {
      if (!this.proved.has(siblingKeys[i])) this.proved.set(siblingKeys[i], proof[i]);
      if (!this.proved.has(nodeKeys[i])) this.proved.set(nodeKeys[i], nodes[i]);
    }
    return needed;
  }
}

/** Ed25519.keyId: the first 8 bytes of SHA-256 over the X.509 encoding, hex. */
export async function keyId(x509) { return hex((await sha256(x509)).slice(0, 8)); }

/** Whether this browser verifies Ed25519 through WebCrypto (Chromium 137+, Firefox 129+, Safari 17+). */
export async function hasEd25519() {
  try {
    // a valid X.509 Ed25519 key (RFC 8410 test key); importing it fails where the algorithm is missing
    await crypto.subtle.importKey('spki', fromBase64('MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE='),
      { name: 'Ed25519' }, false, ['verify']);
    return true;
  } catch (e) {
    return false;
  }
}

/**
 * The trust policy's text form (TrustPolicy.java): `origin NAME`, `agency NAME KEY` (base64 X.509), `quorum all|N`;
 * `#` starts a comment. Throws an Error naming the line at fault.
 */
export async function parsePolicy(policyText) {
  const policy = { origin: null, agencies: new Map(), quorum: null };
  const lines = policyText.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/#.*/, '').trim();
    if (!line) continue;
    const words = line.split(/\s+/);
    const where = 'line ' + (i + 1) + ': ';
    if (words[0] === 'origin' && words.length === 2 && policy.origin === null) {
      policy.origin = words[1];
    } else if (words[0] === 'agency' && words.length === 3 && !policy.agencies.has(words[1])) {
      let x509;
      try {
        x509 = fromBase64(words[2]);
        const key = await crypto.subtle.importKey('spki', x509, { name: 'Ed25519' }, false, ['verify']);
        policy.agencies.set(words[1], { key, id: await keyId(x509), encoded: words[2] });
      } catch (e) {
        throw new Error(where + 'the key of ' + words[1] + ' is not an Ed25519 public key (base64 X.509)');
      }
    } else if (words[0] === 'quorum' && words.length === 2 && policy.quorum === null
        && (words[1] === 'all' || /^[1-9][0-9]*$/.test(words[1]))) {
      policy.quorum = words[1];
    } else {
      throw new Error(where + 'expected "origin NAME", "agency NAME KEY" or "quorum all|N", each once');
    }
  }
  if (!policy.origin) throw new Error('the policy names no origin');
  if (policy.agencies.size === 0) throw new Error('the policy trusts no agency');
  const encodings = [...policy.agencies.values()].map((a) => a.encoded);
  if (new Set(encodings).size !== encodings.length) throw new Error('one key is given for two agencies');
  policy.quorum = policy.quorum || 'all';
  if (policy.quorum !== 'all' && Number(policy.quorum) > policy.agencies.size) {
    throw new Error('quorum ' + policy.quorum + ' is more than the ' + policy.agencies.size + ' trusted agencies '
      + [...policy.agencies.keys()].sort().join(', '));
  }
  policy.names = [...policy.agencies.keys()].sort();
  policy.describe = (policy.quorum === 'all' ? 'all' : policy.quorum) + ' of ' + policy.names.join(', ');
  return policy;
}

/**
 * Verifies an item bundle under the policy. Resolves to {ok: true, summary: "OK: ..."} or {ok: false, summary:
 * "FAILED: ..."}: the jar's first line, so both can be compared.
 */
export async function verifyBundle(bundle, policy) {
  try {
    return { ok: true, summary: await verify(bundle, policy) };
  } catch (e) {
    if (e instanceof Fault) return { ok: false, summary: 'FAILED: ' + e.message };
    throw e;
  }
}

async function verify(bundle, policy) {
  if (!FORMATS.includes(bundle.format)) {
    throw fail('not a bundle of format ' + [...FORMATS].sort().join(' or ') + ' (format: ' + bundle.format + ')');
  }
  if (policy.origin !== bundle.origin) {
    throw fail("the bundle is of log '" + bundle.origin + "', but the policy trusts log '" + policy.origin
      + "' only: checkpoints of another log prove nothing about this one");
  }
  const scope = bundle.scope;
  if (!scope || (scope.itemId == null && (scope.fromPosition == null || scope.toPosition == null))) {
    throw fail('the bundle states no scope (an item id, or a from and to position)');
  }
  if (scope.itemId == null) {
    throw new Error('the console verifies the bundles of items; verify a range with audit-verifier.jar');
  }
  const checkpoints = await signedCheckpoints(bundle, policy);
  await consistency(bundle, checkpoints);
  const target = checkpoints[checkpoints.length - 1].checkpoint;
  const state = new ItemEvents(bundle, checkpoints.map((c) => c.checkpoint), target);
  const events = bundle.events || [];
  const personal = new PersonalFields(bundle.erasedKeys);
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK);
    await state.check(chunk);
    for (const entry of chunk) if (!hashOnly(entry) && entry.event != null) personal.count(entry.event);
  }
  const described = 'item ' + scope.itemId;
  if (state.count === 0) {
    throw fail('the bundle holds no event of ' + described + ' covered by checkpoint ' + target.treeSize);
  }
  const signers = checkpoints[checkpoints.length - 1].signers;
  const count = state.count;
  const after = bundle.eventsAfterCheckpoint || 0;
  return 'OK: ' + count + ' event' + (count === 1 ? '' : 's')
    + (state.withheld > 0 ? ' (' + state.withheld + ' withheld: content hash only)' : '') + ' of ' + described
    + ' (' + state.chains.size + ' aggregate' + (state.chains.size === 1 ? '' : 's') + ') verified against checkpoint '
    + target.treeSize + " of log '" + policy.origin + "' (root " + hex(target.rootHash) + ', ' + target.time
    + '), signed by ' + signers.join(', ') + ' (policy: ' + policy.describe + '); ' + checkpoints.length + ' checkpoint'
    + (checkpoints.length === 1 ? '' : 's') + ' consistent'
    + (after > 0 ? '; ' + after + ' later event(s) are not covered by a checkpoint yet and were not checked' : '')
    + (personal.fields > 0 ? '; ' + personal.fields + ' personal field' + (personal.fields === 1 ? '' : 's')
      + ' encrypted, ' + personal.erased + ' of them erased (key destroyed)' : '');
}

/**
 * Counts the personal fields of the verified events as the jar does (Verifier.PersonalFields): each an envelope
 * {"$personal": key id, ...} in the stored payload, whose ciphertext the content hash covered; erased if the bundle
 * states its key destroyed (erasedKeys). What an envelope holds is not read: there are no keys here.
 */
class PersonalFields {
  constructor(erasedKeys) {
    this.erasedKeys = new Set(Array.isArray(erasedKeys) ? erasedKeys.map(String) : []);
    this.fields = 0;
    this.erased = 0;
  }

  count(event) {
    if (event.payload == null) return;
    let payload;
    try {
      payload = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64(event.payload));
    } catch (e) {
      return; // verified as bytes; not text, so nothing personal to count
    }
    if (!payload.includes('"$personal"')) return;
    let tree;
    try {
      tree = JSON.parse(payload);
    } catch (e) {
      return; // not JSON: nothing personal to count; its hash was verified as it is
    }
    this.visit(tree);
  }

  // as Jackson's findParents("$personal"): every object with that field, looking on into its other fields
  visit(node) {
    if (Array.isArray(node)) {
      node.forEach((element) => this.visit(element));
    } else if (node !== null && typeof node === 'object') {
      for (const [name, value] of Object.entries(node)) {
        if (name === '$personal') {
          this.fields++;
          if (this.erasedKeys.has(typeof value === 'string' ? value : JSON.stringify(value))) this.erased++;
        } else {
          this.visit(value);
        }
      }
    }
  }
}

function checkpointOf(signed, origin) {
  const root = (() => { try { return hash(signed.rootHash, 'root hash of checkpoint ' + signed.treeSize); } catch (e) { throw new TypeError(e.message); } })();
  if (!NAME.test(origin || '')) throw new TypeError('origin must be 1-64 of A-Z a-z 0-9 . _ -, not ' + origin);
  if (signed.treeSize < 0 || signed.lastPosition < 0) throw new TypeError('tree size and last position cannot be negative');
  if (typeof signed.time !== 'string' || Number.isNaN(Date.parse(signed.time))) {
    throw new TypeError('time must be an ISO-8601 instant, not ' + signed.time);
  }
  const agencies = signed.agencies || [];
  agencies.forEach((agency, i) => {
    if (!NAME.test(agency)) throw new TypeError('agency must be 1-64 of A-Z a-z 0-9 . _ -, not ' + agency);
    if (i > 0 && agencies[i - 1] >= agency) throw new TypeError('agencies must be sorted and distinct: [' + agencies.join(', ') + ']');
  });
  const body = 'jointops-checkpoint/v1\norigin=' + origin + '\nsize=' + signed.treeSize + '\nroot=' + hex(root)
    + '\ntime=' + signed.time + '\nlast-position=' + signed.lastPosition + '\nagencies=' + agencies.join(',') + '\n';
  return { treeSize: signed.treeSize, rootHash: root, time: signed.time, lastPosition: signed.lastPosition, agencies, body };
}

async function signedCheckpoints(bundle, policy) {
  if (!bundle.checkpoints || bundle.checkpoints.length === 0) throw fail('the bundle holds no checkpoint');
  const result = [];
  for (const signed of bundle.checkpoints) {
    let checkpoint;
    try {
      checkpoint = checkpointOf(signed, policy.origin);
    } catch (e) {
      if (e instanceof Fault) throw e;
      throw fail('checkpoint ' + signed.treeSize + ' is malformed: ' + e.message);
    }
    const name = 'checkpoint ' + checkpoint.treeSize;
    if (result.length > 0) {
      const previous = result[result.length - 1].checkpoint;
      if (checkpoint.treeSize <= previous.treeSize) {
        throw fail(name + ' follows checkpoint ' + previous.treeSize + ': checkpoints must ascend by size');
      }
      if (checkpoint.lastPosition <= previous.lastPosition) {
        throw fail(name + ' ends at position ' + checkpoint.lastPosition + ', not after position '
          + previous.lastPosition + ' where the smaller checkpoint ' + previous.treeSize + ' ends');
      }
    }
    if (checkpoint.agencies.length === 0) throw fail(name + ' lists no agency: an unsigned checkpoint proves nothing');
    for (const agency of checkpoint.agencies) {
      if (!policy.agencies.has(agency)) {
        throw fail(name + ' lists agency ' + agency + ', which the policy does not trust (it trusts '
          + policy.names.join(', ') + '): a checkpoint naming an unknown signer is refused, and a key a bundle carries'
          + ' is never trusted');
      }
    }
    const signatures = new Map();
    for (const signature of signed.signatures || []) {
      if (!checkpoint.agencies.includes(signature.agency)) {
        throw fail(name + ' carries a signature of ' + signature.agency + ', which is not among its agencies ['
          + checkpoint.agencies.join(', ') + ']');
      }
      if (signatures.has(signature.agency)) throw fail(name + ' carries two signatures of ' + signature.agency);
      signatures.set(signature.agency, signature);
    }
    const body = text.encode(checkpoint.body);
    const signers = [];
    for (const agency of checkpoint.agencies) {
      const signature = signatures.get(agency);
      if (!signature) continue;
      const trusted = policy.agencies.get(agency);
      let bytes;
      try {
        bytes = fromBase64(signature.signature);
      } catch (e) {
        throw fail(name + ': the signature of ' + agency + ' is not base64');
      }
      const valid = bytes.length === 64
        && await crypto.subtle.verify({ name: 'Ed25519' }, trusted.key, bytes, body).catch(() => false);
      if (!valid) {
        if (signature.keyId != null && signature.keyId !== trusted.id) {
          throw fail(name + ': the signature of ' + agency + ' names key ' + signature.keyId
            + ' and does not verify with the key the policy trusts for ' + agency + ' (key ' + trusted.id
            + '): the checkpoint was signed with another key');
        }
        throw fail(name + ': the signature of ' + agency + ' (key ' + trusted.id + ') does not verify: its size, root'
          + ' hash, time, last position, agencies or origin are not what ' + agency + ' signed (root '
          + hex(checkpoint.rootHash) + ', time ' + checkpoint.time + ', last position ' + checkpoint.lastPosition
          + ', origin ' + policy.origin + ')');
      }
      signers.push(agency);
    }
    if (policy.quorum === 'all') {
      for (const agency of policy.names) {
        if (!signers.includes(agency)) {
          throw fail(name + ' is not signed by ' + agency + ', whose signature the policy requires (' + policy.describe
            + ')' + (checkpoint.agencies.includes(agency) ? '' : '; the checkpoint lists only ' + checkpoint.agencies.join(', ')));
        }
      }
    } else if (signers.length < Number(policy.quorum)) {
      throw fail(name + ' is signed by ' + signers.length + ' trusted agenc' + (signers.length === 1 ? 'y' : 'ies')
        + (signers.length === 0 ? '' : ' (' + signers.join(', ') + ')') + ', but the policy requires ' + policy.describe);
    }
    result.push({ checkpoint, signers });
  }
  return result;
}

async function consistency(bundle, checkpoints) {
  const proofs = new Map((bundle.consistencyProofs || []).map((p) => [p.fromSize, p]));
  for (let i = 1; i < checkpoints.length; i++) {
    const first = checkpoints[i - 1].checkpoint;
    const second = checkpoints[i].checkpoint;
    const proof = proofs.get(first.treeSize);
    if (!proof || proof.toSize !== second.treeSize) {
      throw fail('no consistency proof from checkpoint ' + first.treeSize + ' to checkpoint ' + second.treeSize);
    }
    const path = hashes(proof.proof, 'consistency proof ' + first.treeSize + '-' + second.treeSize);
    if (!await consistent(first.treeSize, second.treeSize, first.rootHash, second.rootHash, path)) {
      throw fail('checkpoint ' + second.treeSize + ' does not extend checkpoint ' + first.treeSize
        + ': the consistency proof fails, so the log of ' + first.treeSize + ' events was rewritten rather than appended to');
    }
  }
}

const hashOnly = (entry) => entry.withheld === true;
const where = (entry) => 'leaf ' + entry.leafIndex + ' (position ' + entry.position
  + (entry.committedEventIdentifier != null ? ', event ' + entry.committedEventIdentifier : '') + ')';
const at = (entry) => entry.event.aggregateIdentifier + ' sequence ' + entry.event.sequenceNumber + ' (event '
  + entry.event.eventIdentifier + ', position ' + entry.position + ')';
const named = (entry) => hashOnly(entry)
  ? 'withheld event ' + (entry.contentHash == null ? '' : entry.contentHash.substring(0, 16))
  : 'event ' + entry.event.eventIdentifier;

/** Verifier.Events for an item: each entry in turn (the jar checks a chunk's contents, then proofs, then chains). */
class ItemEvents {
  constructor(bundle, anchors, target) {
    this.bundle = bundle;
    this.itemId = bundle.scope.itemId;
    this.anchors = anchors;
    this.target = target;
    this.proofs = new InclusionBatch(target.treeSize, target.rootHash);
    this.chains = new Map();
    this.count = 0;
    this.withheld = 0;
    this.lastItemLeaf = -1;
  }

  async check(chunk) {
    const computed = await Promise.all(chunk.map((entry) => this.precompute(entry)));
    for (let i = 0; i < chunk.length; i++) await this.content(chunk[i], computed[i].committed, computed[i].computed);
    for (let i = 0; i < chunk.length; i++) {
      const outcome = await this.proves(chunk[i], computed[i].leaf);
      if (outcome >= 0) continue;
      if (outcome === STOPS_SHORT) {
        // a proof leaning on an event left out of the bundle: the chain names the missing sequence better
        for (let j = 0; j <= i; j++) this.chain(chunk[j], computed[j].committed);
      }
      this.inclusionFault(chunk[i], outcome); // before the chains: a rewritten leaf is named, not its successor
    }
    for (let i = 0; i < chunk.length; i++) this.chain(chunk[i], computed[i].committed);
    this.count += chunk.length;
  }

  async precompute(entry) {
    const out = { committed: null, computed: null, leaf: null };
    try {
      if (hashOnly(entry)) {
        if (isHash(entry.contentHash)) {
          out.committed = fromHex(entry.contentHash);
          out.leaf = await leafHash(out.committed);
        }
      } else if (entry.event && isHash(entry.previousHash) && isHash(entry.contentHash)) {
        const committed = fromHex(entry.contentHash);
        out.computed = await contentHash(entry.event, fromHex(entry.previousHash));
        out.committed = committed;
        out.leaf = await leafHash(committed);
      }
    } catch (e) {
      return { committed: null, computed: null, leaf: null };
    }
    return out;
  }

  async content(entry, committed, computed) {
    const target = this.target;
    if (hashOnly(entry)) return this.hashOnly(entry, committed);
    const event = entry.event;
    if (entry.leafIndex == null) {
      if (!event) throw fail('an entry at position ' + entry.position + ' has neither a leaf nor an event');
      throw fail('event ' + event.eventIdentifier + ' (' + event.aggregateIdentifier + ' sequence ' + event.sequenceNumber
        + ', position ' + entry.position + ') is not in the signed log: no leaf of checkpoint ' + target.treeSize
        + ' commits to it, though checkpoint ' + target.treeSize + ' covers every position up to ' + target.lastPosition
        + ' — it was inserted into the event store after it was notarised');
    }
    const leaf = entry.leafIndex;
    if (leaf < 0 || leaf >= target.treeSize || entry.position > target.lastPosition || !committed || !computed) {
      throw this.entryFault(entry);
    }
    if (!equal(computed, committed)) throw this.mismatch(entry, computed, committed);
    this.anchored(entry);
    this.ascending(entry);
  }

  hashOnly(entry, committed) {
    const target = this.target;
    const place = 'the withheld entry at ' + (entry.leafIndex == null ? '' : 'leaf ' + entry.leafIndex + ', ')
      + 'position ' + entry.position;
    if (this.bundle.format !== WITHHOLDING) {
      throw fail(place + ' is hash-only, but a bundle of format ' + this.bundle.format + ' withholds nothing'
        + ' (hash-only entries came with ' + WITHHOLDING + ')');
    }
    if (entry.event != null || entry.previousHash != null || entry.committedEventIdentifier != null) {
      throw fail(place + ' is marked withheld but carries ' + (entry.event != null ? 'an event'
        : entry.previousHash != null ? 'a previous hash' : 'an event identifier')
        + ': a hash-only entry has its leaf, position, content hash and inclusion proof, nothing else');
    }
    if (entry.leafIndex == null) {
      throw fail(place + ' has no leaf: no leaf of checkpoint ' + target.treeSize + ' commits to it, so it'
        + ' proves nothing (an event stored after it was notarised, which its recipient may not see)');
    }
    if (entry.leafIndex < 0 || entry.leafIndex >= target.treeSize) {
      throw fail(place + ' is not in checkpoint ' + target.treeSize + ', which has leaves 0..' + (target.treeSize - 1));
    }
    if (entry.position > target.lastPosition) {
      throw fail(place + ' lies after position ' + target.lastPosition + ' where checkpoint ' + target.treeSize + ' ends');
    }
    if (!committed) {
      hash(entry.contentHash, 'the content hash of ' + place);
      throw fail('the content hash of ' + place + ' is missing or malformed');
    }
    this.anchored(entry);
    this.ascending(entry);
    this.withheld++;
  }

  ascending(entry) {
    if (entry.leafIndex <= this.lastItemLeaf) {
      throw fail('leaf ' + entry.leafIndex + ' (position ' + entry.position + ') comes after leaf ' + this.lastItemLeaf
        + " in the bundle: an item's events are listed in the log's order, each once");
    }
    this.lastItemLeaf = entry.leafIndex;
  }

  anchored(entry) {
    const leaf = entry.leafIndex;
    const position = entry.position;
    if (position < leaf + 1) {
      throw fail('leaf ' + leaf + ' is stated at position ' + position + ', but positions start at 1 and ' + leaf
        + ' leaves come before it, so it lies at position ' + (leaf + 1) + " or later: the export's positions were changed");
    }
    for (const anchor of this.anchors) {
      const last = anchor.treeSize - 1;
      if (leaf === last && position !== anchor.lastPosition) {
        throw fail('leaf ' + leaf + ' is stated at position ' + position + ', but checkpoint ' + anchor.treeSize
          + ' signs position ' + anchor.lastPosition + ' for its last leaf, leaf ' + leaf + ": the export's positions were changed");
      }
      if (leaf < last && position > anchor.lastPosition - (last - leaf)) {
        throw fail('leaf ' + leaf + ' is stated at position ' + position + ', but checkpoint ' + anchor.treeSize
          + ' signs position ' + anchor.lastPosition + ' for leaf ' + last + ', so leaf ' + leaf + ' lies at position '
          + (anchor.lastPosition - (last - leaf)) + " or before: the export's positions were changed");
      }
    }
  }

  entryFault(entry) {
    const target = this.target;
    const leaf = entry.leafIndex;
    const place = where(entry);
    if (leaf < 0 || leaf >= target.treeSize) {
      return fail(place + ' is not in checkpoint ' + target.treeSize + ', which has leaves 0..' + (target.treeSize - 1));
    }
    if (entry.position > target.lastPosition) {
      return fail(place + ' lies after position ' + target.lastPosition + ' where checkpoint ' + target.treeSize + ' ends');
    }
    hash(entry.contentHash, 'the content hash of ' + place);
    hash(entry.previousHash, 'the previous hash of ' + place);
    if (entry.event != null) {
      try {
        if (entry.event.payload != null) fromBase64(entry.event.payload);
        if (entry.event.metaData != null) fromBase64(entry.event.metaData);
      } catch (e) {
        return fail('the payload or metadata of ' + place + ' is not base64: ' + e.message);
      }
    }
    return fail(place + ' is committed by checkpoint ' + target.treeSize
      + ', but the export has no such event: it was deleted from the event store');
  }

  mismatch(entry, computed, committed) {
    const event = entry.event;
    const place = where(entry);
    const stored = 'event ' + event.eventIdentifier + ' (' + event.aggregateIdentifier + ' sequence ' + event.sequenceNumber + ')';
    if (entry.committedEventIdentifier != null && entry.committedEventIdentifier !== event.eventIdentifier) {
      return fail(place + ': the log committed event ' + entry.committedEventIdentifier + ' at this position, but the'
        + ' event store holds ' + stored + ' there: events were moved or swapped');
    }
    return fail(stored + ' at ' + place + ' does not match the content hash the log committed: it hashes to '
      + hex(computed) + ', the log holds ' + hex(committed)
      + ' — its payload, metadata, type, revision, time stamp, identifiers or sequence were changed');
  }

  async proves(entry, leaf) {
    const proof = entry.inclusionProof;
    if (proof == null || !leaf || !proof.every(isHash)) return -1;
    let path;
    try { path = proof.map(fromHex); } catch (e) { return -1; }
    return this.proofs.check(entry.leafIndex, leaf, path);
  }

  inclusionFault(entry, outcome) {
    const proof = entry.inclusionProof;
    if (proof == null) throw fail('leaf ' + entry.leafIndex + ' (position ' + entry.position + ') has no inclusion proof');
    hashes(proof, 'the inclusion proof of leaf ' + entry.leafIndex);
    if (outcome === STOPS_SHORT) {
      throw fail(named(entry) + ' at leaf ' + entry.leafIndex + ' (position ' + entry.position + '): its inclusion proof'
        + ' stops before the root of checkpoint ' + this.target.treeSize + ', at a node no earlier event of the bundle'
        + ' proves: an event before it was left out of the bundle, or the proof was cut');
    }
    throw fail(named(entry) + ' at leaf ' + entry.leafIndex + ' (position ' + entry.position + '): its inclusion proof'
      + ' does not lead to the root of checkpoint ' + this.target.treeSize + (hashOnly(entry)
      ? ": the log holds no such content hash at this leaf (the withheld entry's hash, leaf or proof was changed)"
      : ": the log's record of this event was rewritten"));
  }

  chain(entry, contentHashBytes) {
    const item = this.itemId;
    if (hashOnly(entry)) {
      const before = this.chains.get(item);
      this.chains.set(item, { sequence: before ? before.sequence + 1 : 0, hash: contentHashBytes, position: entry.position, withheld: true });
      return;
    }
    const event = entry.event;
    const aggregate = event.aggregateIdentifier;
    if (item !== aggregate) {
      throw fail('event ' + event.eventIdentifier + ' at position ' + entry.position + ' belongs to ' + aggregate
        + ', not to the exported item ' + item);
    }
    const before = this.chains.get(aggregate);
    this.chains.set(aggregate, { sequence: event.sequenceNumber, hash: contentHashBytes, position: entry.position, withheld: false });
    if (!before) {
      if (event.sequenceNumber === 0 && !equal(fromHex(entry.previousHash), new Uint8Array(HASH_SIZE))) {
        throw fail(at(entry) + ' is the first of its aggregate but is chained to a previous event');
      }
      if (event.sequenceNumber !== 0) {
        throw fail('the history of ' + aggregate + ' does not start at sequence 0 but at ' + at(entry) + ': sequence 0..'
          + (event.sequenceNumber - 1) + ' were deleted');
      }
      return;
    }
    if (before.withheld && event.sequenceNumber !== before.sequence + 1) {
      throw fail(at(entry) + ' follows ' + (before.sequence + 1) + ' events of ' + aggregate + ' in the bundle, counting'
        + ' the withheld ones up to position ' + before.position + ', which would make it sequence ' + (before.sequence + 1)
        + ': ' + (event.sequenceNumber > before.sequence + 1 ? 'events of the item were left out before it'
        : 'withheld entries were added before it'));
    }
    if (event.sequenceNumber <= before.sequence) {
      throw fail(at(entry) + ' comes after sequence ' + before.sequence + ' at position ' + before.position
        + ': the events of ' + aggregate + ' were reordered');
    }
    if (event.sequenceNumber !== before.sequence + 1) {
      throw fail('the history of ' + aggregate + ' jumps from sequence ' + before.sequence + ' to ' + event.sequenceNumber
        + ' at position ' + entry.position + ': sequence ' + (before.sequence + 1) + ' is missing');
    }
    if (!equal(fromHex(entry.previousHash), before.hash)) {
      if (before.withheld) {
        throw fail('the chain of ' + aggregate + ' breaks at ' + at(entry) + ': its previous hash is not the content hash'
          + ' of the withheld entry before it (position ' + before.position + '), so that entry is not sequence '
          + before.sequence + ' of ' + aggregate + ': the withheld entry was replaced by another event\'s hash');
      }
      throw fail('the chain of ' + aggregate + ' breaks at ' + at(entry) + ': its previous hash is not the content hash'
        + ' of sequence ' + before.sequence);
    }
  }
}
