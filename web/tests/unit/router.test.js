import { describe, it, expect, vi, afterEach } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter, routes, PLACEHOLDERS } from '../../src/router/index.js';
import { session } from '../../src/api/session.js';
import { getCsrfToken } from '../../src/api/client.js';

function jsonResponse(status, body) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('router', () => {
  // jsdom has no scrolling; the router scrolls to the top on every page.
  window.scrollTo = () => {};
  afterEach(() => {
    vi.unstubAllGlobals();
    session.user = null;
    session.checked = false;
  });

  it('sends a visitor without a session to the login page, remembering the page', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(jsonResponse(401, { error: { code: 'unauthenticated', message: '' } }))));
    const router = createAppRouter(createMemoryHistory());
    await router.push('/warnings?rule=A01');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/warnings?rule=A01');
    expect(session.restoreError).toBe('');
  });

  it('lets a logged-in user in and keeps the CSRF token of the session', async () => {
    const user = { login: 'gz_jw', display_name: '广州', role: 'supervisor', org_id: '4401-JW', org_name: '广州市纪委监委', region_code: '4401', must_change_password: false };
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(jsonResponse(200, { user, csrf_token: 'abc' }))));
    const router = createAppRouter(createMemoryHistory());
    await router.push('/warnings');
    expect(router.currentRoute.value.name).toBe('warnings-list');
    expect(session.user.login).toBe('gz_jw');
    expect(getCsrfToken()).toBe('abc');
    await router.push('/login');
    expect(router.currentRoute.value.name).toBe('dashboard');
  });

  it('remembers that the session endpoint is not built yet', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(jsonResponse(404, { error: { code: 'route_not_found', message: '' } }))));
    const router = createAppRouter(createMemoryHistory());
    await router.push('/');
    expect(router.currentRoute.value.name).toBe('login');
    expect(session.restoreError).toBe('not_available');
  });

  it('has a page for every menu area', () => {
    const paths = routes.find((r) => r.path === '/').children.map((r) => r.path);
    for (const path of ['', 'warnings', 'warnings/:id', 'projects', 'payments', 'households', 'companies', 'import-batches', 'cadres', 'audit', 'stats', 'letters']) {
      expect(paths, path).toContain(path);
    }
  });

  it('has real pages for the supervision workflows, not placeholders', () => {
    const children = routes.find((r) => r.path === '/').children;
    const placeholders = new Set(PLACEHOLDERS.map(([path]) => path));
    for (const path of ['clues', 'clues/:id', 'transfers', 'transfers/:id', 'problems', 'tasks', 'tasks/:id', 'cases', 'cases/:id', 'letters', 'import', 'users', 'audit']) {
      const route = children.find((r) => r.path === path);
      expect(route, path).toBeTruthy();
      expect(placeholders.has(path), path).toBe(false);
    }
  });

  it('opens the public portal without a session and without asking the server who is logged in', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(jsonResponse(401, { error: { code: 'unauthenticated', message: '' } })));
    vi.stubGlobal('fetch', fetchMock);
    const router = createAppRouter(createMemoryHistory());
    for (const [path, name] of [['/public', 'public-disclosure'], ['/public/report', 'public-report'], ['/public/query?code=AB', 'public-query'], ['/public/self-query', 'public-self-query'], ['/public/cases', 'public-cases']]) {
      await router.push(path);
      expect(router.currentRoute.value.name, path).toBe(name);
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
