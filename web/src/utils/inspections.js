// Inspections (监督检查 / 巡察): the draft the create form sends (POST /api/v1/inspections),
// its checks before sending, and the planner's answer in plain words — the proposed teams, or
// why no plan without a conflict of interest exists (422 with details.blocked_targets).

export const INSPECTION_KINDS = ['routine', 'special', 'joint', 'tour', 'cross'];
export const TARGET_TYPES = ['project', 'village', 'org'];
export const TIE_REASONS = ['works_here', 'worked_here', 'registered_here', 'kin_registered_here', 'kin_post_here', 'own_cooperation_zone'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// A resident ID number: 17 digits and a digit or X (the server checks the rest).
const ID_NUMBER = /^\d{17}[\dXx]$/;

const text = (v) => (v == null ? '' : String(v).trim());

export function emptyMember() {
  return { name: '', id_number: '', org_id: '', login: '' };
}
export function emptyTarget() {
  return { type: 'project', ref: '' };
}
export function emptyInspectionForm() {
  return { kind: '', title: '', period_from: '', period_to: '', team_size: 1, members: [emptyMember()], targets: [emptyTarget()] };
}

// The JSON body of POST /inspections: trimmed strings, empty member rows and target rows left
// out (a form keeps one blank row to type into), `login` only when given.
export function buildInspectionDraft(form) {
  const members = (form.members || [])
    .filter((m) => text(m.name) || text(m.id_number) || text(m.org_id) || text(m.login))
    .map((m) => {
      const member = { id_number: text(m.id_number).toUpperCase(), name: text(m.name), org_id: text(m.org_id) };
      if (text(m.login)) member.login = text(m.login);
      return member;
    });
  const targets = (form.targets || []).filter((x) => text(x.ref)).map((x) => ({ type: x.type, ref: text(x.ref) }));
  return {
    kind: form.kind,
    title: text(form.title),
    period_from: text(form.period_from),
    period_to: text(form.period_to),
    team_size: Number(form.team_size),
    members,
    targets,
  };
}

// What is wrong with a draft before it is sent: a list of {key, params} messages
// (forms.inspection.invalid.<key>), empty when the draft may go. The server checks again
// (unknown orgs, targets outside the jurisdiction, ties): these are the checks a form can make.
export function validateInspectionDraft(draft) {
  const problems = [];
  const add = (key, params = {}) => problems.push({ key, params });
  if (!INSPECTION_KINDS.includes(draft.kind)) add('kind');
  if (!draft.title) add('title');
  if (!DAY.test(draft.period_from) || !DAY.test(draft.period_to)) add('period');
  else if (draft.period_from > draft.period_to) add('periodOrder');
  if (!Number.isInteger(draft.team_size) || draft.team_size < 1) add('teamSize');
  if (!draft.members.length) add('members');
  const seen = new Set();
  draft.members.forEach((m, i) => {
    const row = i + 1;
    if (!m.name || !m.id_number || !m.org_id) add('memberIncomplete', { row });
    else if (!ID_NUMBER.test(m.id_number)) add('memberIdNumber', { row });
    if (m.id_number && seen.has(m.id_number)) add('memberDuplicate', { row });
    seen.add(m.id_number);
  });
  if (draft.members.length && Number.isInteger(draft.team_size) && draft.team_size > draft.members.length) {
    add('teamTooLarge', { size: draft.team_size, count: draft.members.length });
  }
  if (!draft.targets.length) add('targets');
  const targets = new Set();
  draft.targets.forEach((x, i) => {
    const key = `${x.type}:${x.ref}`;
    if (!TARGET_TYPES.includes(x.type)) add('targetType', { row: i + 1 });
    if (targets.has(key)) add('targetDuplicate', { row: i + 1 });
    targets.add(key);
  });
  return problems;
}

// A member's name by seq, for the plan's tables.
export function memberName(inspection, seq) {
  const m = (inspection?.members || []).find((x) => x.seq === seq);
  return m ? m.name : `#${seq}`;
}

// The proposed plan (200 of POST /plan) as rows: each target with its members' names, and each
// member with the targets they would inspect and their load.
export function planRows(plan, inspection) {
  const assignment = (plan?.assignment || []).map((a) => ({
    target_seq: a.target_seq,
    label: a.label,
    members: (a.members || []).map((seq) => memberName(inspection, seq)),
  }));
  const load = (plan?.load || []).map((l) => ({
    seq: l.seq,
    name: memberName(inspection, l.seq),
    targets: (plan.assignment || []).filter((a) => (a.members || []).includes(l.seq)).map((a) => a.label),
    load: l.targets,
  }));
  return { assignment, load };
}

// A tie in words: the server's detail ("现任职于大方县农业农村局"), else the reason's label.
export function tieText(tie, { t, te }) {
  if (tie?.detail) return tie.detail;
  const key = `forms.inspection.ties.${tie?.reason}`;
  return te(key) ? t(key) : String(tie?.reason || '');
}

// Why no plan exists (422 of POST /plan): a headline for the code, and for each blocked target
// the members and why each is tied to it, in plain words. Null for any other failure.
export function plannerFailure(error, i18n) {
  if (!error || error.status !== 422) return null;
  const { t, te } = i18n;
  const headlineKey = `forms.inspection.planErrors.${error.code}`;
  const headline = te(headlineKey) ? t(headlineKey) : t('forms.inspection.planErrors.other');
  const blocked = (error.details?.blocked_targets || []).map((target) => ({
    seq: target.seq,
    label: target.label,
    text: t('forms.inspection.blockedTarget', { target: target.label }),
    members: (target.members || []).map((m) => ({
      name: m.name,
      text: (m.ties || []).length
        ? `${m.name}：${m.ties.map((tie) => tieText(tie, i18n)).join('；')}`
        : `${m.name}：${t('forms.inspection.noTie')}`,
    })),
  }));
  return { headline, message: error.message || '', blocked };
}

// A refused request of the inspection pages in words: a 400/403/409 code the page knows
// (forms.inspection.errors.<code>) with the server's message for the specifics, else `fallback`.
export function inspectionErrorText(error, { t, te }, fallback) {
  const key = `forms.inspection.errors.${error?.code}`;
  if (error?.code && te(key)) {
    const known = t(key);
    return error.message && error.message !== known ? `${known}（${error.message}）` : known;
  }
  return fallback(error);
}
