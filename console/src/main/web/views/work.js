// The signed-in user's work lists: only those the user's roles may read (the gateway's and services' rules); each
// list is loaded on its own, so one that fails says so without hiding the others.
import { get } from '../api.js';
import { t, formatDate } from '../i18n.js';
import { h, replace, section, table, when, rule, errorBox, tlpLabel } from '../dom.js';
import { me, hasRole, readsCases, readsFinance, readsChemicals } from '../session.js';
import { newCaseForm } from './case.js';

const link = (href, text) => h('a', { href }, text);
const due = (instant, overdue) => h('span', {}, when(instant), overdue ? h('strong', { class: 'overdue' }, ' ' + t('common.overdue')) : null);
const soon = (instant, days) => instant && new Date(instant).getTime() - Date.now() < days * 86400000;

function list(id, title, load, columns, row, ...more) {
  const body = h('div', {}, h('p', { class: 'loading' }, t('app.loading')));
  load().then((page) => replace(body, table(null, columns, (page.items || page).map(row))))
    .catch((error) => replace(body, errorBox(error)));
  return section(id, title, ...more, body);
}

export function workView(main, navigate) {
  const user = me();
  const caseColumns = [t('common.title'), t('common.status'), t('case.lead'), t('case.partners'), 'TLP', t('common.when')];
  const caseRow = (c) => [link('#/cases/' + c.id, c.title), c.status, c.leadAgency, c.partnerAgencies.join(', '), tlpLabel(c.tlp), when(c.updatedAt)];
  const requestColumns = [t('common.what'), t('finance.from'), t('finance.to'), t('common.status'), t('case.dueDate')];
  const requestRow = (r) => [link('#/cases/' + r.caseId, r.question || r.type), r.requestingAgency, r.receivingAgency, r.status, due(r.responseDue, r.overdue)];
  const sections = [];
  if (readsCases()) {
    if (!hasRole('auditor', 'platform-admin')) {
      sections.push(list('my-cases', t('work.myCases'),
        () => get('/api/cases?sort=updatedAt,desc&size=20&member=' + encodeURIComponent(user.username)), caseColumns, caseRow));
    }
    sections.push(list('agency-cases', t('work.agencyCases'), () => get('/api/cases?sort=updatedAt,desc&size=20'), caseColumns, caseRow));
    if (!hasRole('auditor', 'platform-admin')) {
      sections.push(list('inbox', t('work.inbox'), () => get('/api/cases/cooperation-requests/inbox?size=20'), requestColumns, requestRow));
      sections.push(list('outbox', t('work.outbox'), () => get('/api/cases/cooperation-requests/outbox?size=20'), requestColumns, requestRow));
    }
    if (hasRole('supervisor')) {
      // four-eyes: a report drafted by the supervisor is not theirs to approve
      sections.push(list('approvals', t('work.approvals'),
        async () => (await get('/api/intel/reports?status=SUBMITTED_FOR_RELEASE&size=50')).items.filter((r) => r.createdBy !== user.username),
        [t('common.title'), t('intel.grading'), 'TLP', t('common.who'), t('common.when')],
        (r) => [link('#/intel/' + r.id, r.title), r.grading, tlpLabel(r.tlp), r.createdBy, when(r.updatedAt)], rule(t('work.approvalsRule'))));
    }
    sections.push(list('intel', t('work.intel'), () => get('/api/intel/reports?size=20'),
      [t('common.title'), t('intel.release'), t('intel.grading'), 'TLP', t('intel.owner')],
      (r) => [link('#/intel/' + r.id, r.title), r.status, r.grading, tlpLabel(r.tlp), r.ownerAgency]));
    if (!hasRole('auditor', 'platform-admin')) {
      sections.push(list('notifications', t('work.notifications'), () => get('/api/intel/notifications?size=20'),
        [t('common.when'), t('common.agency'), t('common.what'), t('common.rule')],
        (n) => [when(n.at), n.searchingAgency, link('#/intel/' + n.reportId, n.entityType + ' ' + n.normalised), n.rule + ' (' + n.strength + ')']));
    }
  }
  if (readsChemicals()) {
    sections.push(list('pens', t('work.pens'),
      async () => (await get('/api/chemicals/notifications?size=50')).items.filter((n) => !n.answeredAt && n.importingAgency === user.agency),
      [t('shipment.substance'), t('finance.from'), t('common.status'), t('case.dueDate')],
      (n) => [n.substanceName + ' (' + n.casNumber + ')', n.exportingAgency, n.status, due(n.responseDueBy, soon(n.responseDueBy, 0))]));
    sections.push(list('shipments', t('work.shipments'), () => get('/api/chemicals/shipments?size=20'),
      [t('common.title'), t('common.status'), t('shipment.substance'), t('shipment.risk', { score: '' })],
      (s) => [link('#/shipments/' + s.id, s.title || s.id), s.status, s.substanceName, s.risk ? String(s.risk.score) : '']));
  }
  if (readsFinance()) {
    sections.push(list('freezes', t('work.freezes'),
      async () => (await get('/api/finance/freeze-requests?size=50')).items.filter((f) => f.status === 'FROZEN' || soon(f.expiresAt, 14)),
      [t('common.agency'), t('finance.to'), t('common.status'), t('case.dueDate')],
      (f) => [f.requestingAgency, f.receivingAgency, f.status, due(f.expiresAt, soon(f.expiresAt, 7))]));
    sections.push(list('reports', t('work.reports'), () => get('/api/finance/reports?size=20'),
      [t('common.title'), t('common.agency'), t('common.status'), t('common.when')],
      (r) => [link('#/finance/reports/' + r.id, r.title || r.reference || r.id), r.reportingAgency || r.ownerAgency, r.status, when(r.updatedAt || r.submittedAt)]));
  }
  replace(main, h('h1', {}, t('work.title')),
    hasRole('investigator', 'supervisor') && !hasRole('auditor') ? section('new-case', t('work.newCase'), newCaseForm(navigate)) : null,
    sections);
}
