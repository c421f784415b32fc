// Users (系统管理员 / 安全保密管理员 only): the body of POST /api/v1/users, its checks before
// sending (the server's password rules: at least 12 characters, not containing the login), and
// the server's refusals in words.

export const ROLES = [
  'supervisor',
  'case_handler',
  'intake',
  'project_owner',
  'finance',
  'auditor',
  'tour_member',
  'dispatched_cadre',
  'sysadmin',
  'secadmin',
  'auditadmin',
];
export const USER_MANAGER_ROLES = ['sysadmin', 'secadmin'];
export const MIN_PASSWORD_LENGTH = 12;

export function emptyUserForm() {
  return { login: '', display_name: '', role: '', org_id: '', password: '', temporary: true };
}

export function buildNewUser(form) {
  return {
    login: String(form.login || '').trim(),
    display_name: String(form.display_name || '').trim(),
    role: form.role,
    org_id: String(form.org_id || '').trim(),
    password: String(form.password || ''),
    temporary: Boolean(form.temporary),
  };
}

// What is wrong before sending: keys of forms.user.invalid (empty when the body may go).
export function validateNewUser(user) {
  const problems = [];
  // As the server: 3–64 letters, digits, _ . -, starting with a letter or digit.
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/.test(user.login)) problems.push('login');
  if (!ROLES.includes(user.role)) problems.push('role');
  if (!user.org_id) problems.push('org');
  // Characters, not UTF-16 units, as the server counts.
  if ([...user.password].length < MIN_PASSWORD_LENGTH) problems.push('passwordLength');
  else if (user.login && user.password.toLowerCase().includes(user.login.toLowerCase())) problems.push('passwordLogin');
  return problems;
}

// A refusal of POST /users: the code's text (forms.user.errors.<code>) with the server's
// specifics (which rule the password broke, which org is unknown), else `fallback`.
export function userErrorText(error, { t, te }, fallback) {
  const key = `forms.user.errors.${error?.code}`;
  if (error?.code && te(key)) {
    const known = t(key);
    return error.message && error.message !== known ? `${known}：${error.message}` : known;
  }
  return fallback(error);
}

// Changing, locking, unlocking and resetting accounts: the security administrator alone
// (三员分立; the server refuses everyone else with 403).
export const SECURITY_ADMIN_ROLES = ['secadmin'];

// The form of PATCH /users/{id}, filled from a listed user.
export function userEditForm(user) {
  return { role: user?.role || '', org_id: user?.org_id || '', display_name: user?.display_name || '' };
}

// The body of PATCH /users/{id}: only the fields that differ from `user` (trimmed), so that
// the audit record names what really changed. Empty when nothing did.
export function buildUserChange(user, form) {
  const change = {};
  const role = form.role;
  const org = String(form.org_id || '').trim();
  const name = String(form.display_name || '').trim();
  if (role && role !== user.role) change.role = role;
  if (org !== (user.org_id || '')) change.org_id = org;
  if (name !== (user.display_name || '')) change.display_name = name;
  return change;
}

// Problems of a change before sending: [field, key of forms.user.invalid].
export function validateUserChange(change) {
  const problems = [];
  if ('role' in change && !ROLES.includes(change.role)) problems.push(['role', 'role']);
  if ('org_id' in change && !change.org_id) problems.push(['org_id', 'org']);
  if ('display_name' in change && ([...change.display_name].length < 1 || [...change.display_name].length > 64)) {
    problems.push(['display_name', 'displayName']);
  }
  return problems;
}
