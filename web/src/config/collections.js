// The ledger collections the app lists: API collection name, route, id field, and the
// columns shown by default. A column whose field the API does not send is dropped, and when
// none of them is present the table shows the fields of the first row instead, so a list
// still reads well while the API's field names settle.
export const COLLECTIONS = {
  projects: {
    title: 'menu.projects',
    parent: 'menu.funds',
    idField: 'project_id',
    columns: [
      { field: 'project_id', width: 150, sortable: true },
      { field: 'name', minWidth: 240, sortable: true },
      { field: 'category', width: 110, sortable: true },
      { field: 'region_name', minWidth: 130, alt: 'region_code', sortable: true, sortKey: 'region_code' },
      { field: 'owner_org_name', minWidth: 180, alt: 'owner_org_id' },
      { field: 'budget_fen', width: 150, sortable: true, sortKey: 'budget', align: 'right', alt: 'budget' },
      { field: 'approved_date', width: 120, sortable: true },
      { field: 'planned_completion', width: 120 },
      { field: 'status', width: 100 },
    ],
  },
  payments: {
    title: 'menu.payments',
    parent: 'menu.funds',
    idField: 'payment_id',
    columns: [
      { field: 'payment_id', width: 170, sortable: true },
      { field: 'payee_name', width: 110 },
      { field: 'payee_id', width: 190 },
      { field: 'payee_account', width: 200 },
      { field: 'amount_fen', width: 130, sortable: true, sortKey: 'amount', align: 'right', alt: 'amount' },
      { field: 'pay_date', width: 120, sortable: true },
      { field: 'period', width: 100, sortable: true },
      { field: 'purpose_category', width: 110 },
      { field: 'payer_org_name', minWidth: 160, alt: 'payer_org_id' },
      { field: 'project_id', width: 150 },
      { field: 'household_id', width: 160 },
    ],
  },
  households: {
    title: 'menu.households',
    parent: null,
    idField: 'household_id',
    columns: [
      { field: 'household_id', width: 170, sortable: true },
      { field: 'head_name', width: 110 },
      { field: 'head_id_number', width: 190 },
      { field: 'village_name', minWidth: 160, alt: 'village_code', sortable: true, sortKey: 'village_code' },
      { field: 'status', width: 100, sortable: true },
      { field: 'member_count', width: 90, align: 'right' },
      { field: 'registered_year', width: 110, sortable: true },
      { field: 'exit_year', width: 110, sortable: true },
      { field: 'subsidy_account', width: 200 },
    ],
  },
  companies: {
    title: 'menu.companies',
    parent: 'menu.funds',
    idField: 'uscc',
    columns: [
      { field: 'uscc', width: 200, sortable: true },
      { field: 'name', minWidth: 240, sortable: true },
      { field: 'region_name', minWidth: 160, alt: 'region_code', sortable: true, sortKey: 'region_code' },
      { field: 'legal_rep_name', width: 120 },
      { field: 'legal_rep_id_number', width: 190 },
    ],
  },
  // The API names this collection "imports" (the brief said "import-batches": tried second).
  'import-batches': {
    title: 'menu.importBatches',
    parent: 'menu.funds',
    api: ['imports', 'import-batches'],
    idField: 'id',
    noRegion: true,
    columns: [
      { field: 'id', width: 90, sortable: true, alt: 'batch_id' },
      { field: 'started_at', width: 170, sortable: true },
      { field: 'finished_at', width: 170 },
      { field: 'imported_by', width: 120 },
      { field: 'source_path', minWidth: 260 },
      { field: 'status', width: 100 },
      { field: 'row_count', width: 110, align: 'right', alt: 'total_rows' },
    ],
  },
  organizations: {
    title: 'menu.organizations',
    parent: 'menu.system',
    idField: 'org_id',
    columns: [
      { field: 'org_id', width: 150, sortable: true },
      { field: 'name', minWidth: 220, sortable: true },
      { field: 'kind', width: 160, sortable: true },
      { field: 'region_name', minWidth: 160, alt: 'region_code', sortable: true, sortKey: 'region_code' },
      { field: 'parent_org_id', width: 150 },
    ],
  },
  // Officials and cadres are keyed by ID number, which lists show masked: no link to a
  // record until the API offers a key that can be shown.
  officials: {
    title: 'menu.officials',
    parent: 'menu.system',
    idField: 'id_number',
    noDetail: true,
    columns: [
      { field: 'name', width: 110, sortable: true },
      { field: 'id_number', width: 190 },
      { field: 'org_name', minWidth: 200, alt: 'org_id', sortable: true, sortKey: 'org_id' },
      { field: 'position', width: 140 },
      { field: 'category', width: 120, sortable: true },
    ],
  },
  // The API names this collection "dispatched_cadres" (the brief said "cadres": tried second).
  cadres: {
    title: 'menu.cadres',
    parent: 'menu.system',
    api: ['dispatched_cadres', 'cadres'],
    idField: 'id_number',
    noDetail: true,
    columns: [
      { field: 'name', width: 110, sortable: true },
      { field: 'id_number', width: 190 },
      { field: 'home_org_name', minWidth: 160, alt: 'home_org_id' },
      { field: 'host_org_name', minWidth: 160, alt: 'host_org_id' },
      { field: 'host_position', width: 160 },
      { field: 'start_date', width: 120, sortable: true },
      { field: 'end_date', width: 120, sortable: true },
      { field: 'archive_last_updated', width: 140, sortable: true },
    ],
  },
};

// The API paths of a collection, first the one to try first.
export function apiPaths(collection) {
  return COLLECTIONS[collection]?.api || [collection];
}

// Where an id in a warning's evidence leads.
export const ID_LINKS = {
  id_payments: 'payments',
  id_households: 'households',
  id_projects: 'projects',
  id_companies: 'companies',
  payment_id: 'payments',
  payment_ids: 'payments',
  project_id: 'projects',
  project_ids: 'projects',
  household_id: 'households',
  household_ids: 'households',
  uscc: 'companies',
  supplier_uscc: 'companies',
  contractor_uscc: 'companies',
};

// The record behind a warning's subject.
export const SUBJECT_LINKS = {
  payment: 'payments',
  project: 'projects',
  household: 'households',
  company: 'companies',
};

// The columns to show for these rows: the configured ones present in the data (using a
// column's alternative field name when the API uses that one), else the first row's fields.
export function resolveColumns(configured, rows) {
  if (!rows || rows.length === 0) return configured.map((c) => ({ ...c }));
  const present = new Set(rows.flatMap((r) => Object.keys(r)));
  const columns = [];
  for (const column of configured) {
    if (present.has(column.field)) columns.push({ ...column });
    else if (column.alt && present.has(column.alt)) columns.push({ ...column, field: column.alt });
  }
  if (columns.length > 0) return columns;
  return Object.keys(rows[0])
    .filter((key) => typeof rows[0][key] !== 'object' || rows[0][key] === null)
    .slice(0, 10)
    .map((field) => ({ field, minWidth: 140 }));
}
