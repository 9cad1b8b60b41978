// A joint case: its partners, members, linked items, tasks, notes, timeline and history, and the actions the API
// offers the signed-in user on it, each with its rule; where the user may not act, the rule says who may.
import { get, post, request } from '../api.js';
import { t, formatDate, formatInstant } from '../i18n.js';
import { h, replace, section, fields, table, when, rule, control, status, errorBox, tlpLabel } from '../dom.js';
import { me, hasRole, KNOWN_AGENCIES } from '../session.js';
import { historySection, asOfBanner, readable } from '../history.js';

const ITEM_PAGES = { INTEL_REPORT: 'intel', SHIPMENT: 'shipments', TRANSACTION_REPORT: 'finance/reports' };

/** What the signed-in user may do on the case, as the JointCase aggregate decides (CaseController's rules). */
export function permissions(view) {
  const user = me();
  const lead = view.leadAgency === user.agency;
  const participates = lead || view.partnerAgencies.includes(user.agency);
  const member = view.members.some((m) => m.username === user.username && m.agency === user.agency);
  const leadInvestigator = lead && view.members.some((m) => m.username === user.username && m.agency === user.agency
    && m.role === 'LEAD_INVESTIGATOR');
  const opener = view.openedBy === user.username;
  const supervisor = hasRole('supervisor');
  const officer = hasRole('investigator', 'supervisor');
  return {
    addPartner: officer && ((lead && supervisor) || leadInvestigator),
    addMember: officer && participates && ((lead && (supervisor || opener || leadInvestigator)) || (!lead && supervisor)),
    act: hasRole('investigator', 'analyst', 'supervisor') && participates && (member || opener || supervisor) && view.status !== 'CLOSED',
    activate: officer && ((view.status === 'OPENED' && lead && (supervisor || opener || leadInvestigator))
      || (view.status === 'SUSPENDED' && lead && supervisor)),
    suspend: lead && supervisor && (view.status === 'ACTIVE' || view.status === 'OPENED'),
    close: lead && supervisor && view.status !== 'CLOSED',
    reopen: lead && supervisor && view.status === 'CLOSED',
    participates
  };
}

export async function caseView(main, id, navigate) {
  const path = '/api/cases/' + encodeURIComponent(id);
  const live = await get(path);
  const itemPlace = h('div');
  const extras = h('div');
  const render = (view, asOf, backToNow) => replace(itemPlace, caseItem(view, asOf, backToNow, () => navigate()));
  render(live, null);
  replace(main, itemPlace, extras);
  const [tasks, notes, timeline] = await Promise.all([
    get(path + '/tasks'), get(path + '/notes'), get(path + '/timeline')]);
  replace(extras,
    tasksSection(live, tasks, path, navigate),
    notesSection(live, notes, path, navigate),
    section('timeline', t('case.timeline'), table(null, [t('common.when'), t('common.who'), t('common.what')],
      timeline.map((entry) => [when(entry.timestamp), (entry.actor || '') + (entry.agency ? ' (' + entry.agency + ')' : ''),
        readable(entry.type) + (entry.summary ? ': ' + entry.summary : '')]))),
    await historySection(path, render),
    hasRole('auditor') ? h('p', {}, h('a', { href: '#/audit/verify/' + encodeURIComponent(id) }, t('audit.verify'))) : null);
}

function caseItem(view, asOf, backToNow, reload) {
  const may = asOf ? {} : permissions(view);
  return h('article', { 'aria-labelledby': 'case-h' },
    tlpLabel(view.tlp, true),
    asOf ? asOfBanner(asOf, backToNow) : null,
    h('h1', { id: 'case-h' }, t('case.title') + ': ' + view.title),
    fields([
      [t('common.status'), view.status + (view.closingReason ? ' (' + view.closingReason + ')' : '')],
      [t('case.summary'), view.summary],
      [t('case.lead'), view.leadAgency],
      [t('case.partners'), h('span', { 'data-test': 'partners' }, view.partnerAgencies.length ? view.partnerAgencies.join(', ') : t('common.none'))],
      ['TLP', tlpLabel(view.tlp)],
      [t('intel.handling'), view.handlingCode],
      [t('case.tags'), (view.tags || []).join(', ')],
      [t('common.when'), t('case.opened', { date: formatInstant(view.openedAt), user: view.openedBy })]
    ]),
    asOf ? null : partnerAction(view, may, reload),
    section('members', t('case.members'), table(null, [t('common.who'), t('common.agency'), t('case.role'), t('common.when')],
      view.members.map((m) => [m.username, m.agency, m.role, when(m.addedAt)])),
    asOf ? null : memberAction(view, may, reload)),
    section('links', t('case.links'), table(null, [t('common.title'), t('common.status'), t('common.id')],
      view.linkedItems.map((item) => [ITEM_PAGES[item.type]
        ? h('a', { href: '#/' + ITEM_PAGES[item.type] + '/' + encodeURIComponent(item.id) }, item.title || item.id)
        : item.title || item.id, item.status, item.type + ' ' + item.id]))),
    asOf ? null : lifecycle(view, may, reload));
}

/** A small form that posts and reloads; failures are shown beside it (the problem's detail and fields). */
function form(label, inputs, send, reload) {
  const message = h('div', { 'aria-live': 'polite' });
  const element = h('form', {
    class: 'action', 'aria-label': label,
    onsubmit: async (event) => {
      event.preventDefault();
      replace(message, status(t('app.loading')));
      try {
        await send();
        replace(message, status(t('common.done')));
        reload();
      } catch (e) {
        replace(message, errorBox(e));
      }
    }
  }, inputs, h('button', { type: 'submit' }, label), message);
  return element;
}

function partnerAction(view, may, reload) {
  if (!may.addPartner) return rule(t('case.addPartnerNotYou'));
  // the API's agency code (Agencies.PATTERN; a pattern attribute is anchored and compiled with the v flag)
  const agency = h('input', { name: 'agency', required: true, list: 'agencies', pattern: '(?:[A-Z]{2}|JOINT)-[A-Z0-9]{2,16}', autocomplete: 'off' });
  return h('div', {}, rule(t('case.addPartnerRule')),
    h('datalist', { id: 'agencies' }, KNOWN_AGENCIES.filter((a) => a !== view.leadAgency && !view.partnerAgencies.includes(a))
      .map((a) => h('option', { value: a }))),
    form(t('case.addPartner'), control(t('common.agency'), agency),
      () => post('/api/cases/' + view.id + '/partners', { agency: agency.value.trim() }, { ifMatch: view.version }), reload));
}

function memberAction(view, may, reload) {
  if (!may.addMember) return rule(t('case.addMemberRule'));
  const username = h('input', { name: 'username', required: true, autocomplete: 'off' });
  const agency = h('input', { name: 'agency', required: true, value: me().agency, list: 'agencies' });
  const role = h('select', { name: 'role' }, ['INVESTIGATOR', 'ANALYST', 'LIAISON', 'LEAD_INVESTIGATOR'].map((r) => h('option', { value: r }, r)));
  return h('div', {}, rule(t('case.addMemberRule')), form(t('case.addMember'),
    [control(t('common.who'), username), control(t('common.agency'), agency), control(t('case.role'), role)],
    () => post('/api/cases/' + view.id + '/members', { username: username.value.trim(), agency: agency.value.trim(), role: role.value },
      { ifMatch: view.version }), reload));
}

function lifecycle(view, may, reload) {
  const reason = h('input', { name: 'reason', required: true });
  const closing = h('select', { name: 'closingReason' }, ['PROSECUTED', 'TRANSFERRED', 'NO_FURTHER_ACTION'].map((r) => h('option', { value: r }, r)));
  const path = '/api/cases/' + view.id;
  const actions = [];
  if (may.activate) actions.push(form(t('case.activate'), [], () => post(path + '/activate', undefined, { ifMatch: view.version }), reload));
  if (may.suspend) actions.push(form(t('case.suspend'), control(t('case.reason'), reason), () => post(path + '/suspend', { reason: reason.value }, { ifMatch: view.version }), reload));
  if (may.close) actions.push(form(t('case.close'), control(t('case.closingReason'), closing), () => post(path + '/close', { closingReason: closing.value }, { ifMatch: view.version }), reload));
  const reopening = h('input', { name: 'reason', required: true });
  if (may.reopen) actions.push(form(t('case.reopen'), control(t('case.reason'), reopening), () => post(path + '/reopen', { reason: reopening.value }, { ifMatch: view.version }), reload));
  return section('lifecycle', t('case.lifecycle'), rule(t('case.lifecycleRule')), actions);
}

function tasksSection(view, tasks, path, reload) {
  const may = permissions(view);
  const title = h('input', { name: 'title', required: true, maxlength: 200 });
  const assignee = h('input', { name: 'assignee', required: true, value: me().username });
  const due = h('input', { name: 'dueDate', type: 'date', required: true });
  return section('tasks', t('case.tasks'),
    table(null, [t('common.title'), t('case.assignee'), t('case.dueDate'), t('common.status')],
      tasks.map((task) => [task.title, task.assignee,
        h('span', {}, formatDate(task.dueDate), task.overdue ? h('strong', { class: 'overdue' }, ' ' + t('common.overdue')) : null),
        task.status])),
    rule(t('case.actRule')),
    may.act ? form(t('case.addTask'), [control(t('common.title'), title), control(t('case.assignee'), assignee), control(t('case.dueDate'), due)],
      () => post(path + '/tasks', { title: title.value, assignee: assignee.value, dueDate: due.value }, { ifMatch: view.version }), reload) : null);
}

function notesSection(view, notes, path, reload) {
  const may = permissions(view);
  const text = h('textarea', { name: 'text', required: true, rows: 3, maxlength: 10000 });
  const tlp = h('select', { name: 'tlp' }, ['TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:GREEN', 'TLP:CLEAR', 'TLP:RED'].map((v) => h('option', { value: v }, v)));
  return section('notes', t('case.notes'),
    table(null, ['TLP', t('common.who'), t('common.when'), t('case.text')],
      notes.map((note) => [tlpLabel(note.tlp), note.author + ' (' + note.agency + ')', when(note.createdAt || note.writtenAt), note.text])),
    rule(t('case.noteTlpRule')),
    may.act ? form(t('case.addNote'), [control(t('case.text'), text), control('TLP', tlp)],
      () => post(path + '/notes', { text: text.value, tlp: tlp.value }, { ifMatch: view.version }), reload) : null);
}

/** The form to open a case (investigators and supervisors; the lead agency is the caller's). */
export function newCaseForm(navigate) {
  const title = h('input', { name: 'title', required: true, maxlength: 200 });
  const summary = h('textarea', { name: 'summary', required: true, rows: 2 });
  const tlp = h('select', { name: 'tlp' }, ['TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:GREEN', 'TLP:CLEAR', 'TLP:RED'].map((v) => h('option', { value: v }, v)));
  const handling = h('select', { name: 'handlingCode' }, ['H1', 'H2', 'H3', 'H0'].map((v) => h('option', { value: v }, v)));
  const message = h('div', { 'aria-live': 'polite' });
  return h('form', {
    class: 'action', 'aria-label': t('work.newCase'),
    onsubmit: async (event) => {
      event.preventDefault();
      try {
        const opened = await request('POST', '/api/cases', {
          body: { title: title.value, summary: summary.value, partnerAgencies: [], tlp: tlp.value, handlingCode: handling.value },
          idempotencyKey: 'console-' + crypto.randomUUID()
        });
        navigate('#/cases/' + opened.id);
      } catch (e) {
        replace(message, errorBox(e));
      }
    }
  }, rule(t('work.newCaseRule')), control(t('case.new.title'), title), control(t('case.new.summary'), summary),
  control(t('case.new.tlp'), tlp), control(t('case.new.handling'), handling),
  h('button', { type: 'submit' }, t('work.newCase')), message);
}
