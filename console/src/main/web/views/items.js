// The item pages other than cases: an intelligence report (TLP banner, handling code, grading, release state), a
// shipment (its risk score with each indicator explained), a transaction report with the money trail drawn as a
// graph (Cytoscape.js) and totals per country. Each has its history and time slider.
import cytoscape from '../vendor/cytoscape/dist/cytoscape.esm.min.mjs';
import { get, post } from '../api.js';
import { t, formatAmount, formatDate } from '../i18n.js';
import { h, replace, section, fields, table, when, rule, control, status, errorBox, tlpLabel } from '../dom.js';
import { me, hasRole } from '../session.js';
import { historySection, asOfBanner } from '../history.js';

async function withHistory(main, path, draw) {
  const place = h('div');
  const render = (item, asOf, backToNow) => replace(place, draw(item, asOf, backToNow));
  render(await get(path), null);
  replace(main, place, await historySection(path, render),
    hasRole('auditor') ? h('p', {}, h('a', { href: '#/audit/verify/' + encodeURIComponent(path.split('/').pop()) }, t('audit.verify'))) : null);
}

export function intelView(main, id, navigate) {
  const path = '/api/intel/reports/' + encodeURIComponent(id);
  return withHistory(main, path, (report, asOf, backToNow) => {
    const user = me();
    // four-eyes: a supervisor of the owner agency who did not draft it (the aggregate also refuses a reviser)
    const mayApprove = !asOf && report.status === 'SUBMITTED_FOR_RELEASE' && hasRole('supervisor')
      && report.ownerAgency === user.agency && report.createdBy !== user.username;
    const message = h('div', { 'aria-live': 'polite' });
    return h('article', { 'aria-labelledby': 'intel-h' },
      tlpLabel(report.tlp, true),
      asOf ? asOfBanner(asOf, backToNow) : null,
      h('h1', { id: 'intel-h' }, t('intel.title') + ': ' + report.title),
      fields([
        [t('intel.release'), report.status],
        [t('intel.grading'), report.grading],
        [t('intel.source'), report.sourceReliability],
        [t('intel.credibility'), report.informationCredibility],
        ['TLP', tlpLabel(report.tlp)],
        [t('intel.handling'), report.handlingCode],
        [t('intel.restriction'), report.handlingRestriction],
        [t('intel.owner'), report.ownerAgency],
        [t('intel.releasedTo'), (report.releasedTo || []).join(', ')],
        [t('intel.category'), report.category],
        [t('case.summary'), report.summary],
        [t('intel.body'), report.body]
      ]),
      section('entities', t('intel.entities'), table(null, [t('common.what'), t('common.id')],
        (report.entities || []).map((e) => [e.type, e.normalised || e.value]))),
      section('grades', t('intel.grades'), table(null, [t('intel.grading'), t('case.reason'), t('common.who'), t('common.when')],
        (report.grades || []).map((g) => [g.grading, g.reason, g.by, when(g.at)]))),
      rule(t('intel.approveRule')),
      rule(t('intel.onwardRule')),
      mayApprove ? h('form', {
        class: 'action', 'aria-label': t('intel.approve'),
        onsubmit: async (e) => {
          e.preventDefault();
          try {
            await post(path + '/approval', {}, { ifMatch: report.version });
            navigate();
          } catch (error) {
            replace(message, errorBox(error));
          }
        }
      }, h('button', { type: 'submit' }, t('intel.approve')), message) : null);
  });
}

export function shipmentView(main, id) {
  const path = '/api/chemicals/shipments/' + encodeURIComponent(id);
  return withHistory(main, path, (shipment, asOf, backToNow) => h('article', { 'aria-labelledby': 'shipment-h' },
    tlpLabel(shipment.tlp, true),
    asOf ? asOfBanner(asOf, backToNow) : null,
    h('h1', { id: 'shipment-h' }, t('shipment.title') + ': ' + (shipment.title || shipment.id)),
    fields([
      [t('common.status'), shipment.status],
      [t('shipment.substance'), shipment.substanceName + ' (CAS ' + shipment.casNumber + ')'],
      [t('shipment.quantity'), formatAmount(shipment.quantity, shipment.unit)],
      [t('shipment.parties'), (shipment.exporter && shipment.exporter.name) + ' → ' + (shipment.importer && shipment.importer.name)],
      [t('shipment.route'), (shipment.declaredRoute || []).join(' → ')],
      [t('intel.handling'), shipment.handlingCode]
    ]),
    shipment.risk ? section('risk', t('shipment.risk', { score: shipment.risk.score }),
      h('meter', { min: 0, max: 100, value: Math.min(100, shipment.risk.score), 'aria-label': t('shipment.risk', { score: shipment.risk.score }) }),
      table(t('shipment.indicators'), [t('common.id'), t('shipment.weight'), t('shipment.reason')],
        shipment.risk.indicators.map((i) => [i.code, String(i.weight), i.reason]))) : null,
    section('movements', t('shipment.movements'), table(null, [t('common.what'), t('common.when'), t('finance.country')],
      (shipment.movements || []).map((m) => [m.type + (m.place ? ' ' + m.place : ''), when(m.occurredAt), m.country])))));
}

/** A party of a transaction: its name as the report gives it, else its account or wallet (a report may name none). */
const party = (node) => node.name || node.key;
const partyIn = (node) => party(node) + ' (' + (node.country || '—') + ')';

/** The query of /api/finance/tracing that starts from a graph node's key (IBAN:..., ACCT:country:bank:number). */
function traceQuery(key) {
  if (key.startsWith('IBAN:')) return 'iban=' + encodeURIComponent(key.substring(5));
  const [, country, bankId, accountNumber] = key.split(':');
  return 'accountNumber=' + encodeURIComponent(accountNumber) + '&bankId=' + encodeURIComponent(bankId) + '&country=' + encodeURIComponent(country);
}

export async function reportView(main, id) {
  const path = '/api/finance/reports/' + encodeURIComponent(id);
  const transactions = (await get(path + '/transactions?size=1000')).items;
  await withHistory(main, path, (report, asOf, backToNow) => h('article', { 'aria-labelledby': 'report-h' },
    tlpLabel(report.tlp, true),
    asOf ? asOfBanner(asOf, backToNow) : null,
    h('h1', { id: 'report-h' }, t('finance.report') + ': ' + (report.reportCode || report.id)),
    fields([
      [t('common.agency'), report.ownerAgency],
      [t('intel.releasedTo'), (report.releasedTo || []).join(', ')],
      [t('case.reason'), report.reason],
      [t('common.when'), formatDate(report.submissionDate)],
      [t('intel.handling'), report.handlingCode]
    ]),
    section('transactions', t('finance.transactions'), table(null,
      [t('common.when'), t('finance.from'), t('finance.to'), t('finance.amount')],
      transactions.map((x) => [formatDate(x.date), partyIn(x.from), partyIn(x.to), formatAmount(x.amount, x.currency)])))));
  const accounts = [...new Map(transactions.flatMap((x) => [x.from, x.to]).filter((n) => /^(IBAN|ACCT):/.test(n.key))
    .map((n) => [n.key, n])).values()];
  if (accounts.length) main.append(traceSection(accounts));
}

function traceSection(accounts) {
  const start = h('select', { name: 'start' }, accounts.map((a) => h('option', { value: a.key }, a.name ? a.name + ' — ' + a.key : a.key)));
  const hops = h('input', { type: 'number', min: 1, max: 6, value: 3, name: 'hops' });
  const result = h('div', { 'aria-live': 'polite' });
  const run = async () => {
    replace(result, status(t('app.loading')));
    try {
      const trace = await get('/api/finance/tracing?' + traceQuery(start.value) + '&hops=' + hops.value);
      replace(result, traceResult(trace));
      draw(result.querySelector('.graph'), trace);
    } catch (e) {
      replace(result, errorBox(e));
    }
  };
  const form = h('form', { class: 'action', 'aria-label': t('finance.trace'), onsubmit: (e) => { e.preventDefault(); run(); } },
    control(t('finance.start'), start), control(t('finance.depth'), hops), h('button', { type: 'submit' }, t('finance.trace')));
  run();
  return section('trace', t('finance.trace'), h('p', { class: 'help' }, t('finance.traceHelp')), form, result);
}

function traceResult(trace) {
  return h('div', {},
    table(t('finance.perCountry'), [t('finance.country'), t('finance.total'), t('finance.transactions')],
      trace.perCountry.map((c) => [c.country || '—', formatAmount(c.amount, c.currency), String(c.transactions)])),
    // the graph for the eye; the same flows as a table for keyboards and screen readers
    h('div', { class: 'graph', role: 'img', 'aria-label': t('finance.graph') }),
    table(t('finance.graph'), [t('finance.from'), t('finance.to'), t('finance.amount'), t('common.when')],
      trace.edges.map((e) => [partyIn(e.from), partyIn(e.to),
        formatAmount(e.amount, e.currency), formatDate(e.date)])));
}

function draw(container, trace) {
  const nodes = new Map();
  const edges = [];
  trace.edges.forEach((e, i) => {
    for (const n of [e.from, e.to]) nodes.set(n.key, { data: { id: n.key, label: party(n) + (n.country ? ' · ' + n.country : ''), start: n.key === trace.start } });
    edges.push({ data: { id: 'e' + i, source: e.from.key, target: e.to.key, label: formatAmount(e.amount, e.currency), cross: e.crossBorder } });
  });
  cytoscape({
    container,
    elements: [...nodes.values(), ...edges],
    layout: { name: 'breadthfirst', directed: true, spacingFactor: 1.2 },
    userZoomingEnabled: false,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'background-color': '#1f4e79', color: '#111', 'font-size': 11, 'text-valign': 'bottom', 'text-wrap': 'wrap', 'text-max-width': 140 } },
      { selector: 'node[?start]', style: { 'background-color': '#b3261e' } },
      { selector: 'edge', style: { label: 'data(label)', width: 2, 'line-color': '#555', 'target-arrow-color': '#555', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'font-size': 10, 'text-background-color': '#fff', 'text-background-opacity': 1 } },
      { selector: 'edge[?cross]', style: { 'line-style': 'dashed', 'line-color': '#b3261e', 'target-arrow-color': '#b3261e' } }
    ]
  });
}
