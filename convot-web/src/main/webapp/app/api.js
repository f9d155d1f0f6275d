/*
 * The one client of the REST API (/api/v1): bearer token from the session, JSON in and out,
 * problem+json turned into an ApiError that carries the stable code and the field errors.
 */
import { session } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `The server answered ${status}`);
    this.status = status;
    this.code = problem && problem.code;
    this.problem = problem || {};
  }

  /** The message for one field (`errors: [{field, message}]`), or undefined. */
  field(name) {
    const match = (this.problem.errors || []).find((e) => e.field === name);
    return match && match.message;
  }
}

/** Listeners told when the token stops working (401): the app then shows the sign-in page. */
const unauthorizedListeners = new Set();
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export async function request(method, path, body, { headers = {}, signal } = {}) {
  const all = { accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) {
    all['content-type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  }
  const token = session.token;
  if (token) all.authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method, headers: all, body: body === undefined ? undefined : JSON.stringify(body), signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'Convot cannot be reached. Check your connection and try again.', code: 'network' });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!response.ok) {
    if (response.status === 401 && token) unauthorizedListeners.forEach((l) => l());
    throw new ApiError(response.status, json);
  }
  return json;
}

/** Builds `?a=1&b=2` from the defined, non-empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const api = {
  get: (path, params, options) => request('GET', path + query(params), undefined, options),
  post: (path, body = {}, options) => request('POST', path, body, options),
  patch: (path, body, options) => request('PATCH', path, body, options),
  put: (path, body, options) => request('PUT', path, body, options),
  del: (path, options) => request('DELETE', path, undefined, options),
};

/** A cursor-paginated list (`{data, next_cursor}`): `next()` loads the following page. */
export function pages(path, params, limit = 25) {
  let cursor;
  let done = false;
  return {
    get done() { return done; },
    async next() {
      if (done) return [];
      const page = await api.get(path, { ...params, limit, cursor });
      cursor = page.next_cursor;
      done = !cursor;
      return page.data || [];
    },
  };
}
