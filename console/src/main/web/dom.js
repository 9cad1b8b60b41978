// A few helpers to build the page. Text always goes in as text (never as markup), so nothing an API returns runs.
import { t, formatInstant } from './i18n.js';

/** h('a', {href: '#/x', class: 'c'}, 'text', child, ...): an element; attributes starting with "on" are listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.substring(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A section with a heading (h2) whose id labels it. */
export function section(id, title, ...children) {
  return h('section', { id, 'aria-labelledby': id + '-h' }, h('h2', { id: id + '-h' }, title), ...children);
}

/** A description list of [label, value] pairs; empty values are left out. */
export function fields(pairs) {
  return h('dl', { class: 'fields' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

/** A table with a caption, column headers and rows of cells; "None." when there are no rows. */
export function table(caption, headers, rows) {
  if (!rows.length) return h('p', { class: 'empty' }, caption ? caption + ': ' : '', t('common.none'));
  return h('table', {},
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))));
}

export const when = (iso) => h('time', { datetime: iso }, formatInstant(iso));

/** A rule of the API, shown before the user tries (and where the user may not act, instead of the action). */
export const rule = (text) => h('p', { class: 'rule' }, h('span', { class: 'rule-label' }, t('common.rule') + ': '), text);

/** A labelled form control. */
export function control(label, input) {
  const id = 'f-' + Math.random().toString(36).slice(2, 9);
  input.id = id;
  return h('div', { class: 'control' }, h('label', { for: id }, label), input);
}

export const status = (message) => h('p', { role: 'status', class: 'status' }, message);

export function errorBox(error) {
  return h('div', { role: 'alert', class: 'error' }, h('strong', {}, t('error.title') + ': '), error.message || String(error));
}

/**
 * A TLP 2.0 label in FIRST's colours (text on black: RED #FF2B2B, AMBER and AMBER+STRICT #FFC000, GREEN #33FF00,
 * CLEAR #FFFFFF), with what it means in words; banner: a full-width bar above the item.
 */
export function tlpLabel(tlp, banner = false) {
  if (!tlp) return null;
  const level = tlp.replace(/^TLP:/, '');
  const css = 'tlp tlp-' + level.toLowerCase().replace('+', '-');
  return banner
    ? h('div', { class: css + ' tlp-banner', role: 'note' }, h('span', { class: 'tlp-code' }, tlp), ' ', t('tlp.' + level).replace(/^[^—]*— /, ''))
    : h('span', { class: css, title: t('tlp.' + level) }, tlp);
}
