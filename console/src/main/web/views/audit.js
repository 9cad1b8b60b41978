// The auditor's view: the checkpoints with their signers, an item's bundle verified in the browser with the offline
// verifier's checks and verdicts (verify.js; Ed25519 through WebCrypto), the proofs it carries, and for platform
// admins the progress of a view's replay.
import { get } from '../api.js';
import { t } from '../i18n.js';
import { h, replace, section, table, when, control, status, errorBox } from '../dom.js';
import { hasRole } from '../session.js';
import { verifyBundle, parsePolicy, hasEd25519 } from '../verify.js';

const VIEWS = {
  cases: ['case-view', 'cooperation-request-view', 'case-lead-view'],
  intel: ['intel-report-view', 'intel-report-reads', 'intel-notifications', 'takedown-view'],
  finance: ['transaction-report-view', 'money-flow-graph', 'asset-view', 'freeze-request-view'],
  chemicals: ['notification-view', 'shipment-view', 'incident-view', 'national-control-view', 'intel-mentions']
};

const short = (hash) => h('code', { title: hash }, hash.substring(0, 16) + '…');

export async function auditView(main, itemId) {
  const parts = [h('h1', {}, t('audit.title'))];
  let keys = [];
  let origin = 'jointops';
  if (hasRole('auditor', 'platform-admin')) {
    const [checkpoints, published] = await Promise.all([get('/api/audit/checkpoints?fromSize=0&limit=100'), get('/api/audit/keys')]);
    keys = published;
    if (checkpoints.length) origin = checkpoints[checkpoints.length - 1].origin;
    parts.push(section('checkpoints', t('audit.checkpoints'), table(null,
      [t('audit.size'), t('audit.root'), t('audit.time'), t('audit.signers'), t('audit.complete')],
      checkpoints.slice(-20).reverse().map((c) => [String(c.treeSize), short(c.rootHash), when(c.time),
        c.signatures.map((s) => s.agency + ' (' + s.keyId + ')').join(', '), c.complete ? t('common.yes') : t('common.no')]))),
    section('keys', t('audit.keys'), table(null, [t('common.agency'), t('audit.keyId')], keys.map((k) => [k.agency, h('code', {}, k.keyId)]))));
  }
  const verify = hasRole('auditor') ? await verifySection(itemId, keys, origin) : null;
  if (verify) parts.push(verify.section);
  if (hasRole('platform-admin')) parts.push(replaySection());
  replace(main, ...parts);
  // only now: the browser cancels the submission of a form that is not on the page yet
  if (itemId && verify && verify.start) verify.start();
}

async function verifySection(itemId, keys, origin) {
  if (!await hasEd25519()) return { section: section('verify', t('audit.verify'), h('p', { role: 'alert' }, t('audit.noEd25519'))) };
  const item = h('input', { name: 'itemId', required: true, value: itemId || '', autocomplete: 'off' });
  const policy = h('textarea', { name: 'policy', rows: 5, spellcheck: 'false', 'aria-describedby': 'policy-help' },
    ['origin ' + origin, ...keys.map((k) => 'agency ' + k.agency + ' ' + k.publicKey + '   # key id ' + k.keyId), 'quorum all'].join('\n'));
  const file = h('input', { type: 'file', accept: 'application/json,.json', name: 'bundle' });
  const verdict = h('output', { 'data-test': 'verdict', class: 'verdict', 'aria-live': 'polite' });
  const proofs = h('div');
  const check = async (load) => {
    replace(verdict, t('app.loading'));
    replace(proofs);
    try {
      const trust = await parsePolicy(policy.value);
      const bundle = await load();
      const result = await verifyBundle(bundle, trust);
      verdict.className = 'verdict ' + (result.ok ? 'ok' : 'failed');
      replace(verdict, result.summary);
      replace(proofs, proofTable(bundle));
    } catch (e) {
      verdict.className = 'verdict failed';
      replace(verdict, errorBox(e));
    }
  };
  const form = h('form', { class: 'action', 'aria-label': t('audit.verify'), onsubmit: (e) => { e.preventDefault(); check(() => get('/api/audit/export?itemId=' + encodeURIComponent(item.value.trim()))); } },
    control(t('audit.itemId'), item), control(t('audit.policy'), policy),
    h('p', { id: 'policy-help', class: 'help' }, t('audit.policyHelp')),
    h('button', { type: 'submit' }, t('audit.run')));
  file.addEventListener('change', () => {
    if (file.files.length) check(async () => JSON.parse(await file.files[0].text()));
  });
  return {
    section: section('verify', t('audit.verify'), form, control(t('audit.file'), file),
      h('h3', {}, t('audit.verdict')), verdict, proofs),
    start: () => form.requestSubmit()
  };
}

function proofTable(bundle) {
  return section('proofs', t('audit.proof'), table(null, [t('audit.leaf'), t('audit.position'), t('common.what'), t('audit.path')],
    (bundle.events || []).map((e) => [String(e.leafIndex), String(e.position),
      e.withheld ? t('history.withheld') : (e.event.payloadType || '').split('.').pop() + ' #' + e.event.sequenceNumber,
      h('span', {}, (e.inclusionProof || []).length + ' × ', (e.inclusionProof || []).slice(0, 2).map((p) => [short(p), ' ']))])));
}

function replaySection() {
  const service = h('select', { name: 'service' }, Object.keys(VIEWS).map((s) => h('option', { value: s }, s)));
  const view = h('select', { name: 'view' });
  const fill = () => replace(view, VIEWS[service.value].map((v) => h('option', { value: v }, v)));
  service.addEventListener('change', fill);
  fill();
  const result = h('div', { 'aria-live': 'polite' });
  return section('replay', t('audit.replay'), h('form', {
    class: 'action', 'aria-label': t('audit.replay'),
    onsubmit: async (e) => {
      e.preventDefault();
      try {
        const p = await get('/api/' + service.value + '/admin/replays/' + view.value);
        replace(result, table(null, [t('audit.replayView'), t('audit.replayState'), t('audit.replayProgress')],
          [[view.value, p.state, h('span', {}, h('progress', { max: 100, value: p.percent || 0, 'aria-label': t('audit.replayProgress') }),
            ' ' + (p.percent || 0) + ' % (' + p.position + ' / ' + p.headPosition + ')')]]));
      } catch (error) {
        replace(result, errorBox(error));
      }
    }
  }, control(t('audit.replayService'), service), control(t('audit.replayView'), view), h('button', { type: 'submit' }, t('audit.check'))), result);
}
