// Display helpers: money, dates, enumerations, and the generic rendering of API values.

// Fen (integer) to "1,234.50".
export function formatFen(fen) {
  if (fen === null || fen === undefined || fen === '') return '';
  const n = Number(fen);
  if (!Number.isFinite(n)) return String(fen);
  const negative = n < 0;
  const abs = Math.abs(Math.round(n));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}

// Yuan (number or decimal text) to "1,234.50".
export function formatYuan(yuan) {
  if (yuan === null || yuan === undefined || yuan === '') return '';
  const n = Number(String(yuan).replace(/[,￥¥]/g, ''));
  if (!Number.isFinite(n)) return String(yuan);
  return formatFen(Math.round(n * 100));
}

// Money fields: "*_fen" hold fen; "amount", "budget" and "*_yuan" hold yuan.
export function isMoneyField(key) {
  return /(_fen|_yuan)$/.test(key) || ['amount', 'budget', 'subsidy_amount', 'standard_amount'].includes(key);
}

export function formatMoneyField(key, value) {
  return key.endsWith('_fen') ? formatFen(value) : formatYuan(value);
}

// "2021-12-31T08:00:00Z" → "2021-12-31 08:00"; plain dates unchanged.
export function formatDateTime(value) {
  if (!value) return '';
  const text = String(value);
  const m = text.match(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/);
  return m ? `${m[1]} ${m[2]}` : text;
}

// Enumerated values shown in the UI language: fields whose values have a translation table.
const ENUM_TABLES = {
  category: 'values.category',
  purpose_category: 'values.category',
  procurement_method: 'values.procurement',
  severity: 'severity',
  state: 'warningState',
  subject_type: 'subjectType',
  role: 'roles',
  account_type: 'values.accountType',
  household_status: 'values.householdStatus',
  table: 'flow.tables',
  source_table: 'flow.tables',
};

export function enumKey(field, value, collection) {
  if (value === null || value === undefined || value === '' || typeof value === 'object') return '';
  if (field === 'status' && collection === 'households') return `values.householdStatus.${value}`;
  if (field === 'status' && collection === 'import-batches') return `values.batchStatus.${value}`;
  if (field === 'status' && collection === 'projects') return `values.projectStatus.${value}`;
  if (field === 'kind' && collection === 'organizations') return `values.orgKind.${value}`;
  if (field === 'category' && (collection === 'officials' || collection === 'cadres')) {
    return `values.officialCategory.${value}`;
  }
  if (field === 'role' && collection !== 'users') return '';
  const table = ENUM_TABLES[field];
  return table ? `${table}.${value}` : '';
}

// One value as text for a table cell or a description item. `t`/`te` are vue-i18n's
// translate and key-exists functions.
export function displayValue(field, value, { t, te, collection } = {}) {
  if (value === null || value === undefined || value === '') return '—';
  if (isMoneyField(field)) return formatMoneyField(field, value);
  if (t && te) {
    const key = enumKey(field, value, collection);
    if (key && te(key)) return t(key);
  }
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('，');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  if (/(_at)$/.test(field)) return formatDateTime(value);
  return String(value);
}

// A field's label: the translation when there is one, else the field name itself.
export function fieldLabel(field, { t, te }) {
  const key = `fields.${field}`;
  return te(key) ? t(key) : field;
}
