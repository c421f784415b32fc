import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { api, fetchList, setCsrfToken, setUnauthenticatedHandler, classifyError, ApiError } from '../../src/api/client.js';

function jsonResponse(status, body) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('api client', () => {
  let fetchMock;
  beforeEach(() => {
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('');
    setUnauthenticatedHandler(null);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the CSRF token on state-changing requests only', async () => {
    setCsrfToken('tok-123');
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(200, { ok: true })));
    await api.get('/warnings');
    await api.post('/session/password', { old_password: 'a', new_password: 'b' });
    await api.del('/session');
    const headersOf = (call) => fetchMock.mock.calls[call][1].headers;
    expect(headersOf(0)['X-CSRF-Token']).toBeUndefined();
    expect(headersOf(1)['X-CSRF-Token']).toBe('tok-123');
    expect(headersOf(1)['Content-Type']).toBe('application/json');
    expect(headersOf(2)['X-CSRF-Token']).toBe('tok-123');
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/session/password');
    expect(fetchMock.mock.calls[1][1].credentials).toBe('same-origin');
  });

  it('builds list queries and skips empty filters', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [{ id: 1 }], total: 41, page: 2, page_size: 20 }));
    const list = await fetchList('warnings', { page: 2, page_size: 20, rule: 'A01', region: '', state: null });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/warnings?page=2&page_size=20&rule=A01');
    expect(list).toEqual({ items: [{ id: 1 }], total: 41, page: 2, page_size: 20 });
  });

  it('turns the error body into an ApiError', async () => {
    fetchMock.mockResolvedValue(jsonResponse(409, { error: { code: 'wrong_state', message: '状态不允许', details: { allowed: ['explained'] } } }));
    const error = await api.post('/warnings/1/dismiss', {}).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(error.code).toBe('wrong_state');
    expect(error.message).toBe('状态不允许');
    expect(error.details).toEqual({ allowed: ['explained'] });
    expect(error.kind).toBe('conflict');
  });

  it('tells an endpoint not built yet from a missing record', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(404, { error: { code: 'route_not_found', message: '请求的接口不存在' } }));
    fetchMock.mockResolvedValueOnce(jsonResponse(404, { error: { code: 'not_found', message: '记录不存在' } }));
    fetchMock.mockResolvedValueOnce(jsonResponse(501, { error: { code: 'not_implemented', message: '' } }));
    fetchMock.mockResolvedValueOnce(new Response('<html></html>', { status: 404 }));
    expect((await api.get('/clues').catch((e) => e)).kind).toBe('not_available');
    expect((await api.get('/warnings/9').catch((e) => e)).kind).toBe('not_found');
    expect((await api.get('/letters').catch((e) => e)).kind).toBe('not_available');
    expect((await api.get('/stats').catch((e) => e)).kind).toBe('not_available');
  });

  it('reports lock-out, forbidden and network failures', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(429, { error: { code: 'too_many_attempts', message: '', details: { retry_after_seconds: 600 } } }));
    fetchMock.mockResolvedValueOnce(jsonResponse(403, { error: { code: 'outside_jurisdiction', message: '' } }));
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const locked = await api.post('/session', { login: 'x', password: 'y' }).catch((e) => e);
    expect(locked.kind).toBe('too_many_attempts');
    expect(locked.details.retry_after_seconds).toBe(600);
    expect((await api.get('/households/1').catch((e) => e)).kind).toBe('forbidden');
    const offline = await api.get('/health').catch((e) => e);
    expect(offline.kind).toBe('network');
    expect(offline.status).toBe(0);
  });

  it('calls the unauthenticated handler on 401 outside the session endpoints', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    fetchMock.mockResolvedValueOnce(jsonResponse(401, { error: { code: 'unauthenticated', message: '' } }));
    fetchMock.mockResolvedValueOnce(jsonResponse(401, { error: { code: 'bad_credentials', message: '' } }));
    await api.get('/warnings').catch(() => {});
    await api.post('/session', { login: 'a', password: 'b' }).catch(() => {});
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('tries the next path of a collection whose name is not settled', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(404, { error: { code: 'route_not_found', message: '' } }));
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { items: [], total: 3, page: 1, page_size: 1 }));
    const list = await fetchList(['imports', 'import-batches'], { page: 1, page_size: 1 });
    expect(list.total).toBe(3);
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v1/imports?page=1&page_size=1', '/api/v1/import-batches?page=1&page_size=1']);
    // A refusal is not a missing route: no second try.
    fetchMock.mockResolvedValueOnce(jsonResponse(403, { error: { code: 'forbidden', message: '' } }));
    expect((await fetchList(['imports', 'import-batches']).catch((e) => e)).kind).toBe('forbidden');
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('returns null for 204', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(new Response(null, { status: 204 })));
    expect(await api.del('/session')).toBeNull();
  });

  it('classifies statuses', () => {
    expect(classifyError(400, 'bad_page', true)).toBe('bad_input');
    expect(classifyError(413, '', true)).toBe('too_large');
    expect(classifyError(500, '', false)).toBe('server');
    expect(classifyError(403, 'too_many_attempts', true)).toBe('too_many_attempts');
  });
});
