// The API through the gateway, same origin, with the user's access token. Problems (RFC 9457) become errors carrying
// the status and the fields at fault.
import { t } from './i18n.js';

let keycloak;

export function useKeycloak(instance) { keycloak = instance; }

export class ApiError extends Error {
  constructor(status, problem) {
    const fields = (problem && problem.errors || []).map((e) => e.field + ': ' + e.message).join('; ');
    super(status === 404 ? t('error.notFound') : status === 403 ? t('error.forbidden')
      : status === 503 ? t('error.unavailable')
        : (problem && (problem.detail || problem.title) || 'HTTP ' + status) + (fields ? ' (' + fields + ')' : ''));
    this.status = status;
    this.problem = problem;
  }
}

export async function request(method, path, { body, ifMatch, idempotencyKey } = {}) {
  await keycloak.updateToken(30);
  const headers = { Authorization: 'Bearer ' + keycloak.token, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch !== undefined) headers['If-Match'] = '"' + ifMatch + '"';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const get = (path) => request('GET', path);
export const post = (path, body, options = {}) => request('POST', path, { ...options, body });

/** Every entry of a paged history (HistoryPage: events, totalEvents), oldest first. */
export async function history(path) {
  const entries = [];
  for (let page = 0; ; page++) {
    const answer = await get(path + '?size=1000&page=' + page);
    entries.push(...answer.events);
    if (entries.length >= answer.totalEvents || answer.events.length === 0) return entries;
  }
}
