// An item's history as a readable list (who, agency, when, what changed) and a time slider over its events: each
// step shows the item as of that event (?asOf=), read-only; the last step is now.
import { get, history } from './api.js';
import { t, formatInstant } from './i18n.js';
import { h, replace, section, when, errorBox } from './dom.js';

/** "CasePartnerAddedEvent" → "Case partner added" (the event's name as the API gives it, made readable). */
export const readable = (type) => {
  const words = (type || '').replace(/Event$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function changes(payload) {
  if (!payload || typeof payload !== 'object') return '';
  return Object.entries(payload)
    .filter(([key, value]) => value !== null && value !== '' && !/Id$|^id$/.test(key) && !(Array.isArray(value) && !value.length))
    .map(([key, value]) => key + ': ' + (typeof value === 'object' ? JSON.stringify(value) : value)).join('; ');
}

/**
 * The history section of an item at itemPath (its history at itemPath + '/history'). render(item, asOf) draws the
 * item into its own place; it is called with the live item at first and for each step of the slider.
 */
export async function historySection(itemPath, render) {
  const entries = await history(itemPath + '/history');
  const list = h('ol', { class: 'history' }, entries.map((entry) => h('li', {},
    h('span', { class: 'who' }, (entry.actor || '—') + ' (' + (entry.agency || '—') + ')'), ' · ',
    when(entry.timestamp), ' · ',
    h('strong', {}, entry.type === 'withheld' || entry.withheld ? t('history.withheld') : readable(entry.type)),
    changes(entry.payload) ? h('div', { class: 'changes' }, t('history.changes') + ': ' + changes(entry.payload)) : null)));
  const label = h('span', { id: 'slider-value', class: 'slider-value' });
  // one step per event; the last step is the item now (its last event's state, live)
  const last = entries.length - 1;
  const slider = h('input', {
    type: 'range', min: 0, max: last, value: last, step: 1,
    'aria-describedby': 'slider-help slider-value', 'data-test': 'time-slider'
  });
  const describe = (i) => t('history.event', { n: i + 1, total: entries.length }) + ': ' + readable(entries[i].type) + ', '
    + formatInstant(entries[i].timestamp) + (i === last ? ' (' + t('history.now') + ')' : '');
  const problem = h('div');
  async function show() {
    const i = Number(slider.value);
    slider.setAttribute('aria-valuetext', describe(i));
    replace(label, describe(i));
    replace(problem);
    try {
      if (i === last) {
        render(await get(itemPath), null);
      } else {
        const asOf = entries[i].timestamp;
        render(await get(itemPath + '?asOf=' + encodeURIComponent(asOf)), asOf, () => { slider.value = last; show(); });
      }
    } catch (e) {
      replace(problem, errorBox(e));
    }
  }
  slider.addEventListener('change', show);
  slider.setAttribute('aria-valuetext', describe(last));
  replace(label, describe(last));
  return section('history', t('history.title'),
    h('div', { class: 'slider' },
      h('label', { for: 'time-slider' }, t('history.slider')),
      Object.assign(slider, { id: 'time-slider' }), label,
      h('p', { id: 'slider-help', class: 'help' }, t('history.sliderHelp'))),
    problem, list);
}

/** The banner over an item shown as of an instant. */
export const asOfBanner = (asOf, backToNow) => h('div', { class: 'as-of', role: 'status' },
  t('common.asOfBanner', { date: formatInstant(asOf) }), ' ',
  backToNow ? h('button', { type: 'button', onclick: backToNow }, t('common.backToNow')) : null);
