// Workflow helpers shared by the pages of warnings, clues, transfers, tasks and reports:
// Chinese labels of states and codes, the plain-words text of a refused transition (409 with
// details.allowed), deadlines, and list queries.

// A state's label in the UI language: flow.states.<machine>.<state>; the server's own label
// (state_label) when the app has none; else the raw value (never hidden).
export function stateLabel(machine, state, { t, te }, serverLabel = '') {
  if (state === null || state === undefined || state === '') return '—';
  const key = `flow.states.${machine}.${state}`;
  if (te && te(key)) return t(key);
  return serverLabel || String(state);
}

// A code of a small table (flow.channel, flow.disposal, …) as its label, or the code itself.
export function codeLabel(table, code, { t, te }, serverLabel = '') {
  if (code === null || code === undefined || code === '') return '—';
  const key = `flow.${table}.${code}`;
  if (te && te(key)) return t(key);
  return serverLabel || String(code);
}

// What a refused step says: for a 409 wrong_state with details {state, allowed}, the current
// state and the possible next states, in words ("当前状态为“已说明”…；现在可以：已排除、…").
// Other failures fall back to `fallback(error)` (describeError of utils/errors.js).
export function transitionErrorText(error, machine, i18n, fallback = (e) => e?.message || '') {
  if (!error) return '';
  const details = error.details && typeof error.details === 'object' ? error.details : null;
  if (error.status === 409 && details && Array.isArray(details.allowed)) {
    const state = stateLabel(machine, details.state, i18n);
    if (!details.allowed.length) return i18n.t('flow.conflictFinal', { state });
    const allowed = details.allowed.map((s) => stateLabel(machine, s, i18n)).join('、');
    return i18n.t('flow.conflictAllowed', { state, allowed });
  }
  if (error.status === 409 && details && details.state) {
    return i18n.t('flow.conflict', { state: stateLabel(machine, details.state, i18n) });
  }
  return fallback(error);
}

// Whether a deadline (YYYY-MM-DD) has passed on `today` for a record still open.
export function isOverdue(deadline, state, today = new Date(), closedStates = ['closed']) {
  if (!deadline || closedStates.includes(state)) return false;
  const day = String(deadline).slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const pad = (n) => String(n).padStart(2, '0');
  const now = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  return day < now;
}

// The URL of a list as an Excel download (?format=xlsx plus the list's filters and sort).
export function exportUrl(apiPath, query = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' || key === 'page_size') continue;
    search.append(key, String(value));
  }
  search.append('format', 'xlsx');
  return `/api/v1/${apiPath}?${search.toString()}`;
}

// One event of GET .../events as a line: "由“新预警”转为“已排除”".
export function eventText(event, machine, i18n) {
  const to = stateLabel(machine, event.to_state, i18n);
  if (!event.from_state) return i18n.t('flow.historyCreated', { to });
  return i18n.t('flow.historyFrom', { from: stateLabel(machine, event.from_state, i18n), to });
}
