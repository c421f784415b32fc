// Integrity archives (廉政档案): the kinds of entry a user may add, where an entry came from,
// and the checks of the "添加记录" form before it is sent.

export const ENTRY_KINDS = ['posting', 'declaration', 'talk', 'evaluation', 'other'];
export const ENTRY_SOURCES = ['entry', 'outcome', 'clue', 'warning'];
// A full resident ID number (the archive's key): 17 digits and a digit or X.
export const FULL_ID_NUMBER = /^\d{17}[\dXx]$/;

// Problems of an entry (keys of forms.archive.invalid), empty when it may be sent.
export function validateEntry(entry, today = new Date().toISOString().slice(0, 10)) {
  const problems = [];
  if (!ENTRY_KINDS.includes(entry.kind)) problems.push('kind');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.entry_on || '')) problems.push('date');
  else if (entry.entry_on > today) problems.push('future');
  if (!String(entry.title || '').trim()) problems.push('title');
  return problems;
}

// The posting a summary or archive shows first, as one line: "广州市某局 → 大方县农业农村局 · 副局长".
export function postingText(p) {
  if (!p) return '—';
  const home = p.home_org_name || p.home_org_id || '';
  const host = p.host_org_name || p.host_org_id || '';
  return [home && host ? `${home} → ${host}` : home || host, p.host_position].filter(Boolean).join(' · ');
}
