// The JSON client of the Sunlight API (/api/v1).
//
// - Sends and receives JSON; the session is an HttpOnly cookie the browser keeps, so every
//   request goes with credentials "same-origin".
// - Every state-changing request (POST, PUT, PATCH, DELETE) carries the CSRF token the login
//   answer gave us in the X-CSRF-Token header.
// - Every failure becomes an ApiError with the HTTP status, the server's error code, message
//   and details ({"error":{"code","message","details"}}), and a `kind` the UI explains in
//   plain words: unauthenticated, forbidden, not_found, not_available (the endpoint has not
//   been built yet: 404 with no error body of ours, or 501), too_many_attempts, conflict,
//   bad_input, server, network.

export const API_BASE = '/api/v1';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken = '';
let onUnauthenticated = null;

export function setCsrfToken(token) {
  csrfToken = token || '';
}

export function getCsrfToken() {
  return csrfToken;
}

// Called (once per failing request) when an API call answers 401 outside the session
// endpoints, so that the app can send the user back to the login page.
export function setUnauthenticatedHandler(handler) {
  onUnauthenticated = handler;
}

export class ApiError extends Error {
  constructor({ status = 0, code = '', message = '', details = null, kind = 'server', path = '' }) {
    super(message || code || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.kind = kind;
    this.path = path;
  }
}

// The kind of a failure, from its status and (when the server sent one) its error code.
export function classifyError(status, code, hasErrorBody) {
  if (status === 0) return 'network';
  if (status === 401) return 'unauthenticated';
  if (status === 429 || code === 'too_many_attempts') return 'too_many_attempts';
  if (status === 403) return 'forbidden';
  if (status === 501) return 'not_available';
  // A 404 naming no route ("route_not_found", or without our error body) is an endpoint
  // that has not been built yet; any other 404 is a record that does not exist.
  if (status === 404) {
    return hasErrorBody && code !== 'route_not_found' ? 'not_found' : 'not_available';
  }
  if (status === 405) return 'not_available';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too_large';
  if (status >= 400 && status < 500) return 'bad_input';
  return 'server';
}

function buildQuery(params) {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function request(method, path, { body, query, signal, raw = false } = {}) {
  const url = `${API_BASE}${path}${buildQuery(query)}`;
  const headers = { Accept: 'application/json' };
  const upper = method.toUpperCase();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (STATE_CHANGING.has(upper) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response;
  try {
    response = await fetch(url, {
      method: upper,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (cause && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, kind: 'network', message: String(cause?.message || cause), path });
  }

  if (response.ok) {
    if (raw) return response;
    if (response.status === 204) return null;
    const text = await response.text();
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch {
      // A non-JSON 200 under /api is the SPA page: the route is not there yet.
      throw new ApiError({ status: 404, kind: 'not_available', path, message: 'not JSON' });
    }
  }

  let code = '';
  let message = '';
  let details = null;
  let hasErrorBody = false;
  try {
    const data = await response.json();
    if (data && typeof data === 'object' && data.error) {
      hasErrorBody = true;
      code = data.error.code || '';
      message = data.error.message || '';
      details = data.error.details ?? null;
    }
  } catch {
    // No JSON body: keep the status only.
  }
  const kind = classifyError(response.status, code, hasErrorBody);
  const error = new ApiError({ status: response.status, code, message, details, kind, path });
  if (kind === 'unauthenticated' && !path.startsWith('/session') && onUnauthenticated) {
    onUnauthenticated(error);
  }
  throw error;
}

export const api = {
  get: (path, query, options = {}) => request('GET', path, { ...options, query }),
  post: (path, body, options = {}) => request('POST', path, { ...options, body }),
  put: (path, body, options = {}) => request('PUT', path, { ...options, body }),
  patch: (path, body, options = {}) => request('PATCH', path, { ...options, body }),
  del: (path, options = {}) => request('DELETE', path, options),
};

// Tries each API path of a collection in turn while the server says "not built" (a
// collection whose name is not settled: ["imports", "import-batches"]).
async function firstAvailable(paths, call) {
  const list = Array.isArray(paths) ? paths : [paths];
  let last = null;
  for (const path of list) {
    try {
      return await call(path);
    } catch (error) {
      if (error?.kind !== 'not_available') throw error;
      last = error;
    }
  }
  throw last;
}

// A paged list: {items, total, page, page_size}. Missing fields are filled in so that a
// partial answer still renders. `collection` is an API path or a list of candidates.
export async function fetchList(collection, query = {}, options = {}) {
  const data = await firstAvailable(collection, (path) => api.get(`/${path}`, query, options));
  const items = Array.isArray(data?.items) ? data.items : [];
  return {
    items,
    total: Number.isFinite(data?.total) ? data.total : items.length,
    page: data?.page ?? query.page ?? 1,
    page_size: data?.page_size ?? query.page_size ?? items.length,
  };
}

// Only the total of a list, for counts on the dashboard.
export async function fetchTotal(collection, query = {}, options = {}) {
  const list = await fetchList(collection, { ...query, page: 1, page_size: 1 }, options);
  return list.total;
}

export function fetchRecord(collection, id, options = {}) {
  return firstAvailable(collection, (path) => api.get(`/${path}/${encodeURIComponent(id)}`, undefined, options));
}
