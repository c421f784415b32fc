// Who is logged in: a small reactive store over /api/v1/session.
//
// state.user is null until login (or until GET /session finds an existing cookie session);
// state.checked says whether that first look has been made, so the router waits for it.
import { reactive } from 'vue';
import { api, setCsrfToken } from './client.js';

export const session = reactive({
  user: null,
  checked: false,
  // Why the last restore found no session: '' (not logged in), or an ApiError kind such as
  // 'not_available' when the session endpoint has not been built yet.
  restoreError: '',
});

function accept(data) {
  session.user = data?.user ?? null;
  setCsrfToken(data?.csrf_token ?? '');
  return session.user;
}

export async function restoreSession() {
  try {
    const data = await api.get('/session');
    accept(data);
    session.restoreError = '';
  } catch (error) {
    session.user = null;
    session.restoreError = error?.kind === 'unauthenticated' ? '' : error?.kind || 'server';
  } finally {
    session.checked = true;
  }
  return session.user;
}

export async function login(loginName, password, totp = '') {
  const body = { login: loginName, password };
  if (totp) body.totp = totp;
  const data = await api.post('/session', body);
  session.checked = true;
  return accept(data);
}

export async function logout() {
  try {
    await api.del('/session');
  } finally {
    session.user = null;
    setCsrfToken('');
  }
}

export async function changePassword(oldPassword, newPassword) {
  const data = await api.post('/session/password', {
    old_password: oldPassword,
    new_password: newPassword,
  });
  // The server may rotate the session on a password change; keep the new token if it does.
  if (data?.csrf_token) setCsrfToken(data.csrf_token);
  if (data?.user) session.user = data.user;
  if (session.user) session.user = { ...session.user, must_change_password: false };
  return data;
}

// Called when any API call answers 401: the session has ended (expired or logged out
// elsewhere).
export function forgetSession() {
  session.user = null;
  setCsrfToken('');
}
