// A stand-in for the API endpoints that have not been built yet, for the browser test's
// "mocked" pass: it lets the logged-in pages (layout, dashboard, lists, a warning) render in
// Chromium before the session and list endpoints exist. Only requests the real server answers
// with 404 route_not_found / 501 are answered here; everything it does serve (health,
// regions, and any list that has landed) goes through to it. The data below is made up in
// the shape of docs/web.md's reading of the API contract.

const user = {
  login: 'gz_jw',
  display_name: '广州市纪委监委演示用户',
  role: 'supervisor',
  org_id: '4401-JW',
  org_name: '广州市纪委监委',
  region_code: '4401',
  must_change_password: false,
};

const counties = ['520502', '520521', '520581', '520525', '520526', '520527'];
const rules = ['A01', 'A02', 'A06', 'A07', 'B01', 'B08', 'A12'];
const ruleNames = { A01: '一卡多户', A02: '干部账户代领', A06: '重复发放', A07: '超标准发放', B01: '工程款转入个人账户', B08: '报账程序不规范', A12: '一人多户' };
const severities = ['high', 'medium', 'low'];

const warnings = Array.from({ length: 57 }, (_, i) => ({
  id: i + 1,
  rule: rules[i % rules.length],
  rule_name: ruleNames[rules[i % rules.length]],
  subject_type: ['bank_account', 'household', 'payment', 'payment', 'payment', 'payment', 'person'][i % rules.length],
  subject_id: `SUBJ-${String(i + 1).padStart(4, '0')}`,
  region_code: `${counties[i % counties.length]}${String(100 + (i % 7)).padStart(3, '0')}`,
  severity: severities[i % 3],
  amount_fen: 120000 + i * 3350,
  state: i % 5 === 0 ? 'dismissed' : 'new',
  as_of: '2021-12-31',
  created_at: '2026-11-22T04:00:00Z',
}));

const projects = Array.from({ length: 23 }, (_, i) => ({
  project_id: `P-5205-${String(i + 1).padStart(3, '0')}`,
  name: ['大方县冬荪种植项目', '赫章县鲜花种植基地建设项目', '威宁县中药材种植项目', '纳雍县“同心蛋”项目'][i % 4],
  category: ['industry', 'infrastructure', 'industry', 'education'][i % 4],
  region_code: counties[i % counties.length],
  owner_org_id: `${counties[i % counties.length]}-NY`,
  budget_fen: 85000000 + i * 1000000,
  planned_completion: '2021-10-31',
  accepted_date: i % 3 ? '2021-12-01' : null,
}));

const payments = Array.from({ length: 140 }, (_, i) => ({
  payment_id: `PAY-2021-${String(i + 1).padStart(5, '0')}`,
  payee_name: ['张*明', '李*', '王*华', '杨*'][i % 4],
  payee_id: `520521********${String(1000 + i).slice(-4)}`,
  payee_account: `6217************${String(2000 + i).slice(-4)}`,
  amount_fen: 50000 + (i % 9) * 2500,
  pay_date: `2021-${String((i % 12) + 1).padStart(2, '0')}-15`,
  period: `2021-${String((i % 12) + 1).padStart(2, '0')}`,
  purpose_category: 'subsidy',
  household_id: `H-${String(i % 40).padStart(5, '0')}`,
}));

const households = Array.from({ length: 40 }, (_, i) => ({
  household_id: `H-${String(i).padStart(5, '0')}`,
  head_name: ['张*明', '李*', '王*华', '杨*'][i % 4],
  head_id_number: `520521********${String(3000 + i).slice(-4)}`,
  village_code: `520521${String(100 + (i % 9))}201`,
  status: ['poor', 'exited', 'monitored', 'none'][i % 4],
  member_count: 2 + (i % 5),
  registered_year: 2014 + (i % 4),
  exit_year: i % 4 === 1 ? 2019 : null,
}));

const COLLECTIONS = {
  warnings,
  projects,
  payments,
  households,
  companies: [],
  dispatched_cadres: [],
  officials: [],
  organizations: [],
  imports: [{ id: 1, started_at: '2026-11-22T04:00:00Z', finished_at: '2026-11-22T04:00:09Z', imported_by: 'demo', source_path: 'data/dataset', status: 'committed', row_count: 48211 }],
};

function filtered(name, query) {
  let rows = COLLECTIONS[name];
  for (const key of ['rule', 'state', 'severity', 'period']) {
    const value = query.get(key);
    if (value) rows = rows.filter((r) => String(r[key]) === value);
  }
  const region = query.get('region');
  if (region) rows = rows.filter((r) => String(r.region_code || r.village_code || '').startsWith(region));
  const sort = query.get('sort');
  if (sort) {
    const dir = query.get('order') === 'desc' ? -1 : 1;
    rows = [...rows].sort((a, b) => (a[sort] > b[sort] ? dir : a[sort] < b[sort] ? -dir : 0));
  }
  return rows;
}

function detail(name, id) {
  if (name === 'warnings') {
    const w = warnings.find((x) => String(x.id) === id);
    if (!w) return null;
    return {
      ...w,
      params: w.rule === 'A01' ? { min_households: 2 } : {},
      // The shape of src/http/api/ledger_evidence.h: each id resolved into its rows.
      evidence: {
        bank_accounts: [{ id: '6217************0042', rows: [{ account_no: '6217************0042', holder_name: '王*', account_type: 'personal' }] }],
        households: ['H-00001', 'H-00002', 'H-00003'].map((id) => ({ id, rows: [{ household_id: id, village_code: '520521100201', status: 'poor' }] })),
        payments: [
          { id: 'PAY-2021-00001', rows: [{ payment_id: 'PAY-2021-00001', household_id: 'H-00001', amount_fen: 50000, pay_date: '2021-01-15' }] },
          { id: 'PAY-2021-00002', rows: [{ payment_id: 'PAY-2021-00002', household_id: 'H-00002', amount_fen: 52500, pay_date: '2021-02-15' }] },
        ],
      },
    };
  }
  const idField = { projects: 'project_id', payments: 'payment_id', households: 'household_id' }[name];
  const row = (COLLECTIONS[name] || []).find((r) => String(r[idField]) === id);
  if (row && name === 'households') {
    return { ...row, members: [{ name: row.head_name, id_number: row.head_id_number, relation: '户主' }] };
  }
  return row || null;
}

function json(route, status, body) {
  return route.fulfill({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });
}

// Installs the stand-in on a Playwright page.
export async function installMockApi(page) {
  let loggedIn = false;
  await page.route('**/api/v1/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const pathName = url.pathname.replace(/^\/api\/v1/, '');
    if (pathName === '/health' || pathName.startsWith('/regions')) return route.continue();
    // Let what the server has built answer for itself (but not the session: the mocked pass
    // logs in with the stand-in user).
    if (!pathName.startsWith('/session')) {
      const real = await route.fetch();
      if (real.status() !== 404 && real.status() !== 501) return route.fulfill({ response: real });
      const body = await real.json().catch(() => ({}));
      if (real.status() === 404 && body?.error?.code !== 'route_not_found') return route.fulfill({ response: real });
    }
    if (pathName === '/session') {
      if (request.method() === 'POST') {
        const { login, password } = JSON.parse(request.postData() || '{}');
        if (login !== 'gz_jw' || password !== 'Sunlight-Demo-2026') {
          return json(route, 401, { error: { code: 'bad_credentials', message: '账号或密码不正确', details: null } });
        }
        loggedIn = true;
        return json(route, 200, { user, csrf_token: 'mock-csrf' });
      }
      if (request.method() === 'DELETE') {
        loggedIn = false;
        return route.fulfill({ status: 204 });
      }
      return loggedIn ? json(route, 200, { user, csrf_token: 'mock-csrf' }) : json(route, 401, { error: { code: 'unauthenticated', message: '未登录' } });
    }
    if (!loggedIn) return json(route, 401, { error: { code: 'unauthenticated', message: '未登录' } });
    if (request.method() !== 'GET' && request.headers()['x-csrf-token'] !== 'mock-csrf') {
      return json(route, 403, { error: { code: 'csrf', message: 'CSRF token missing' } });
    }
    const [, name, id] = pathName.split('/');
    if (!(name in COLLECTIONS)) return json(route, 404, { error: { code: 'route_not_found', message: '请求的接口不存在' } });
    if (id) {
      const record = detail(name, decodeURIComponent(id));
      return record ? json(route, 200, record) : json(route, 404, { error: { code: 'not_found', message: '记录不存在' } });
    }
    const page = Number(url.searchParams.get('page') || 1);
    const size = Number(url.searchParams.get('page_size') || 20);
    const rows = filtered(name, url.searchParams);
    return json(route, 200, { items: rows.slice((page - 1) * size, page * size), total: rows.length, page, page_size: size });
  });
}
