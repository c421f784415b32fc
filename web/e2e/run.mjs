// End-to-end test of the web app in a real browser against a real server.
//
// Starts `sunlight demo --data-dir <tmp> --listen 127.0.0.1:<free port> --static-dir web/dist`
// from the binary named by SUNLIGHT_BINARY, drives Debian's Chromium (CHROMIUM, default
// /usr/bin/chromium; headless, --no-sandbox) with playwright-core, and saves a screenshot
// of each page it visits into SUNLIGHT_E2E_OUT (default web/e2e-output).
//
// While the session endpoint (POST /api/v1/session) has not been built, the test checks that
// the login page renders and explains that logging in is not available yet. Once it exists,
// the test logs in as gz_jw (广州市纪委监委), sees the dashboard, opens the warnings list and
// one warning, and a ledger list.
//
// Environment: SUNLIGHT_BINARY (required unless ../build/sunlight exists), CHROMIUM,
// SUNLIGHT_E2E_OUT, SUNLIGHT_E2E_HOUSEHOLDS (demo size, default 300), SUNLIGHT_E2E_KEEP=1
// (keep the temporary data directory). Exit status 0 on success, 1 on failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '..');
const repoDir = path.resolve(webDir, '..');
const binary = process.env.SUNLIGHT_BINARY || path.join(repoDir, 'build', 'sunlight');
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const outDir = path.resolve(process.env.SUNLIGHT_E2E_OUT || path.join(webDir, 'e2e-output'));
const staticDir = path.join(webDir, 'dist');
const households = process.env.SUNLIGHT_E2E_HOUSEHOLDS || '300';
const LOGIN = 'gz_jw';
const PASSWORD = 'Sunlight-Demo-2026';
// The current password of each demo account (changed at the first login when the server asks).
const passwords = { gz_jw: PASSWORD, bj_jw: PASSWORD };

const steps = [];
function step(text) {
  steps.push(text);
  console.log(`e2e: ${text}`);
}

function fail(message) {
  throw new Error(message);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`sunlight exited early with status ${child.exitCode} (see server.log)`);
    try {
      const response = await fetch(`${base}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  fail(`sunlight did not answer /api/v1/health within ${timeoutMs / 1000} s`);
}

// Whether POST /api/v1/session exists: 404 "route_not_found", 405 or 501 mean not yet.
async function sessionEndpointExists(base) {
  const response = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: '', password: '' }),
  });
  if (response.status === 501 || response.status === 405) return false;
  if (response.status === 404) {
    const body = await response.json().catch(() => ({}));
    return body?.error?.code !== 'route_not_found';
  }
  return true;
}

// The server sends a strict Content-Security-Policy (script-src 'self'): a violation is a
// failure. (Other console errors, such as the 401 of GET /session before login, are expected.)
function watchCsp(page, errors) {
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      errors.push(`CSP: ${message.text()}`);
    }
  });
}

async function shot(page, name) {
  const file = path.join(outDir, `${name}.png`);
  // The layout scrolls inside its content area: grow the window to show all of it.
  const viewport = page.viewportSize();
  const content = await page.evaluate(() => {
    const main = document.querySelector('.sl-main');
    return main ? main.scrollHeight - main.clientHeight : 0;
  });
  if (content > 0) await page.setViewportSize({ width: viewport.width, height: Math.min(viewport.height + content, 6000) });
  await page.screenshot({ path: file, fullPage: true });
  if (content > 0) await page.setViewportSize(viewport);
  step(`screenshot ${path.relative(process.cwd(), file)}`);
}

async function login(page, base) {
  await page.goto(`${base}/login`);
  await page.fill('input[name=login]', LOGIN);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('[data-test=login-submit]');
}


// Log in as gz_jw, see the dashboard, the warnings and one warning, ledger lists, English,
// log out; a screenshot of each into outDir/<prefix>.
async function loggedInFlow(page, base, prefix) {
  await page.goto(`${base}/login`);
  await page.waitForSelector('[data-test=login-card]');
  // A wrong password is refused with a plain message and no navigation.
  await page.fill('input[name=login]', LOGIN);
  await page.fill('input[name=password]', 'wrong-password');
  await page.click('[data-test=login-submit]');
  const wrong = await (await page.waitForSelector('[data-test=login-error]')).textContent();
  step(`wrong password: "${wrong.trim()}"`);
  await shot(page, prefix + '02-login-wrong-password');

  await login(page, base);
  // The demo accounts may have to change their password at first login.
  const first = await Promise.race([
    page.waitForSelector('[data-test=dashboard]').then(() => 'dashboard', () => 'timeout'),
    page.waitForSelector('[data-test=password-dialog]', { state: 'visible' }).then(() => 'password', () => 'timeout'),
  ]);
  if (first === 'timeout') fail('after logging in, neither the dashboard nor the password dialog appeared');
  if (first === 'password') {
    step('first login: changing the password');
    await shot(page, prefix + '03-password-change');
    const dialog = page.locator('[data-test=password-dialog]');
    const inputs = dialog.locator('input[type=password]');
    const next = `Sunlight-E2E-${Date.now()}`;
    await inputs.nth(0).fill(PASSWORD);
    await inputs.nth(1).fill(next);
    await inputs.nth(2).fill(next);
    await dialog.locator('button.el-button--primary').click();
    await page.waitForSelector('[data-test=password-dialog]', { state: 'hidden' });
    await page.waitForSelector('[data-test=dashboard]');
    passwords[LOGIN] = next;
  }
  step('dashboard shown');
  // Wait until the warning count has loaded (a number or, if the list is missing, the note).
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-test=count-warnings] .sl-count-value');
    return el && el.textContent.trim() !== '—' || document.querySelector('.el-alert');
  });
  await page.waitForTimeout(1500); // let the charts draw
  const org = await page.textContent('[data-test=org]');
  step(`logged in; organisation "${org.trim()}"`);
  await shot(page, prefix + '04-dashboard');

  // The session is a cookie: a reload keeps the user logged in.
  await page.reload();
  await page.waitForSelector('[data-test=dashboard]');
  step('still logged in after a reload');

  await page.click('[data-test=count-warnings]');
  await page.waitForURL(/\/warnings/);
  await page.waitForSelector('[data-test=table-warnings] .el-table, [data-test=api-error]');
  await page.waitForFunction(() => !document.querySelector('[data-test=table-warnings] .el-loading-mask'));
  await shot(page, prefix + '05-warnings');

  const firstWarning = page.locator('[data-test=table-warnings] .el-table__body a').first();
  if (await firstWarning.count()) {
    await firstWarning.click();
    await page.waitForSelector('[data-test=rule-explanation], [data-test=api-error]');
    await page.waitForTimeout(300);
    await shot(page, prefix + '06-warning-detail');
  } else {
    step('warnings list has no rows (or is not available yet)');
  }

  for (const [name, route] of [['07-projects', '/projects'], ['08-payments', '/payments'], ['09-households', '/households']]) {
    await page.goto(`${base}${route}`);
    await page.waitForSelector(`[data-test=table-${route.slice(1)}] .el-table, [data-test=api-error]`);
    await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'));
    await shot(page, prefix + name);
  }

  // English is one click away.
  await page.click('[data-test=language]');
  await page.click('.el-dropdown-menu__item:has-text("English")');
  await page.waitForSelector('text=Log out');
  await shot(page, prefix + '10-english');

  await page.click('[data-test=logout]');
  await page.waitForURL(/\/login/);
  step('logged out');
  // After logout a deep link leads to the login page, which remembers where to go.
  await page.goto(`${base}/warnings`);
  await page.waitForURL(/\/login\?redirect=/);
  step('deep link after logout asks to log in');
}

// Logs in as `login` (changing the password when the server asks) and waits for the dashboard.
async function loginAs(page, base, login) {
  await page.goto(`${base}/login`);
  await page.waitForSelector('[data-test=login-card]');
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', passwords[login]);
  await page.click('[data-test=login-submit]');
  const first = await Promise.race([
    page.waitForSelector('[data-test=dashboard]').then(() => 'dashboard', () => 'timeout'),
    page.waitForSelector('[data-test=password-dialog]', { state: 'visible' }).then(() => 'password', () => 'timeout'),
    page.waitForSelector('[data-test=login-error]').then(() => 'error', () => 'timeout'),
  ]);
  if (first === 'error') fail(`${login} could not log in: ${(await page.textContent('[data-test=login-error]')).trim()}`);
  if (first === 'timeout') fail(`after logging in as ${login}, neither the dashboard nor the password dialog appeared`);
  if (first === 'password') {
    const dialog = page.locator('[data-test=password-dialog]');
    const inputs = dialog.locator('input[type=password]');
    const next = `Sunlight-E2E-${login}-${Date.now()}`;
    await inputs.nth(0).fill(passwords[login]);
    await inputs.nth(1).fill(next);
    await inputs.nth(2).fill(next);
    await dialog.locator('button.el-button--primary').click();
    await page.waitForSelector('[data-test=password-dialog]', { state: 'hidden' });
    await page.waitForSelector('[data-test=dashboard]');
    passwords[login] = next;
  }
  step(`logged in as ${login}`);
}

async function logout(page) {
  await page.click('[data-test=logout]');
  await page.waitForURL(/\/login/);
}

// Submits the open action dialog and waits for it to close; a refusal fails the run with
// the page's own words (which name the API's answer).
async function submitDialog(page, what) {
  await page.click('.el-dialog [data-test=action-submit]');
  const outcome = await Promise.race([
    page.waitForSelector('.el-dialog [data-test=action-error]', { state: 'visible' }).then(() => 'error', () => 'timeout'),
    page.waitForSelector('.el-dialog [data-test=action-submit]', { state: 'hidden' }).then(() => 'closed', () => 'timeout'),
  ]);
  if (outcome === 'error') {
    fail(`${what} was refused: ${(await page.textContent('.el-dialog [data-test=action-error]')).trim()}`);
  }
  if (outcome === 'timeout') fail(`${what}: the dialog neither closed nor showed an error`);
}

// The number a dashboard card shows, once loaded (null when the card is absent).
async function dashboardCount(page, key) {
  const selector = `[data-test=count-${key}] .sl-count-value`;
  await page.waitForSelector('[data-test=dashboard]');
  try {
    await page.waitForFunction((sel) => {
      const el = document.querySelector(sel);
      return el && el.textContent.trim() !== '—';
    }, selector, { timeout: 30_000 });
  } catch {
    fail(`the dashboard count "${key}" did not load (its API answered an error: see the page's note)`);
  }
  return Number((await page.textContent(selector)).replace(/[^\d]/g, ''));
}

// The supervision flow across two commissions: gz_jw turns a warning into a clue and
// transfers it to 毕节; bj_jw sees it waiting on the dashboard, acknowledges it, and the
// count goes down.
async function supervisionFlow(page, base) {
  await loginAs(page, base, 'gz_jw');
  await page.goto(`${base}/warnings?state=new`);
  await page.waitForSelector('[data-test=table-warnings] .el-table, [data-test=api-error]');
  await page.waitForFunction(() => !document.querySelector('[data-test=table-warnings] .el-loading-mask:not([style*="display: none"])'));
  const firstWarning = page.locator('[data-test=table-warnings] .el-table__body a').first();
  if (!(await firstWarning.count())) fail('gz_jw sees no new warning to turn into a clue (GET /api/v1/warnings?state=new)');
  await firstWarning.click();
  await page.waitForURL(/\/warnings\/\d+/);
  const warningId = page.url().match(/\/warnings\/(\d+)/)[1];
  const actions = await Promise.race([
    page.waitForSelector('[data-test=warning-action-to-clue]').then(() => 'ok', () => 'timeout'),
    page.waitForSelector('[data-test=warning-actions] .el-alert--warning').then(() => 'error', () => 'timeout'),
  ]);
  if (actions !== 'ok') {
    const text = actions === 'error' ? await page.textContent('[data-test=warning-actions] .el-alert--warning') : 'no actions shown';
    fail(`warning ${warningId}: the life-cycle actions did not load (GET /api/v1/warnings/${warningId}/events): ${text.trim()}`);
  }
  step(`warning ${warningId} open with its actions`);
  await shot(page, '11-warning-actions');
  await page.click('[data-test=warning-action-to-clue]');
  await page.fill('.el-dialog textarea[name=summary]', `E2E：预警 ${warningId} 反映的问题转为线索`);
  await submitDialog(page, `POST /api/v1/warnings/${warningId}/to-clue`);
  await page.waitForSelector('[data-test=warning-created]');
  await page.waitForFunction(() => document.querySelector('[data-test=warning-state]')?.textContent.includes('线索移交'));
  step(`warning ${warningId} turned into a clue`);
  await shot(page, '12-warning-to-clue');

  await page.click('[data-test=open-created-clue]');
  await page.waitForURL(/\/clues\/\d+/);
  const clueId = page.url().match(/\/clues\/(\d+)/)[1];
  const clue = await Promise.race([
    page.waitForSelector('[data-test=clue-state]').then(() => 'ok', () => 'timeout'),
    page.waitForSelector('[data-test=api-error]').then(() => 'error', () => 'timeout'),
  ]);
  if (clue !== 'ok') fail(`clue ${clueId} did not open (GET /api/v1/clues/${clueId}): ${clue === 'error' ? (await page.textContent('[data-test=api-error]')).trim() : 'timeout'}`);
  step(`clue ${clueId}: ${(await page.textContent('[data-test=clue-state]')).trim()}`);
  await page.click('[data-test=clue-action-transfer]');
  await page.fill('.el-dialog input[name=to_org_id]', '5205-JW');
  await page.fill('.el-dialog input[name=letter_no]', `穗纪移〔2026〕E2E-${clueId}号`);
  await submitDialog(page, 'POST /api/v1/transfers (clue to 5205-JW)');
  await page.waitForURL(/\/transfers\/\d+/);
  const transferId = page.url().match(/\/transfers\/(\d+)/)[1];
  await page.waitForSelector('[data-test=transfer-state]');
  const sentState = (await page.textContent('[data-test=transfer-state]')).trim();
  if (!sentState.includes('已移送')) fail(`transfer ${transferId} shows "${sentState}", expected 已移送`);
  step(`transfer ${transferId} sent to 毕节: ${sentState}`);
  await shot(page, '13-transfer-sent');
  await page.goto(`${base}/clues`);
  await page.waitForSelector('[data-test=table-clues] .el-table');
  await shot(page, '14-clues');
  await logout(page);

  await loginAs(page, base, 'bj_jw');
  const before = await dashboardCount(page, 'pendingTransfers');
  if (before < 1) fail(`bj_jw's dashboard shows ${before} transfers to acknowledge after gz_jw sent one`);
  step(`bj_jw: ${before} transfer(s) to acknowledge`);
  await shot(page, '15-dashboard-bj-before');
  await page.click('[data-test=count-pendingTransfers]');
  await page.waitForURL(/\/transfers/);
  await page.waitForSelector('[data-test=table-transfers] .el-table');
  await shot(page, '16-transfers-received');
  await page.goto(`${base}/transfers/${transferId}`);
  await page.waitForSelector('[data-test=transfer-action-acknowledge]');
  await page.click('[data-test=transfer-action-acknowledge]');
  await submitDialog(page, `POST /api/v1/transfers/${transferId}/acknowledge`);
  await page.waitForFunction(() => document.querySelector('[data-test=transfer-state]')?.textContent.includes('已签收'));
  step(`bj_jw acknowledged transfer ${transferId}`);
  await shot(page, '17-transfer-acknowledged');
  await page.goto(`${base}/`);
  const after = await dashboardCount(page, 'pendingTransfers');
  if (after !== before - 1) fail(`transfers to acknowledge went from ${before} to ${after}, expected ${before - 1}`);
  step(`dashboard count of transfers to acknowledge: ${before} → ${after}`);
  await page.waitForTimeout(800);
  await shot(page, '18-dashboard-bj-after');
  await logout(page);
}

// The public portal, without an account: a report with an attachment gets a query code, and
// the code shows its stage.
async function publicFlow(page, base) {
  await page.goto(`${base}/public/report`);
  await page.waitForSelector('[data-test=report-form]');
  await page.fill('input[name=region_code]', '520521');
  await page.fill('input[name=reported_name]', '王某');
  await page.fill('textarea[name=content]', 'E2E：村里的危房改造补助没有按标准发放，请核查。');
  await page.setInputFiles('[data-test=report-files]', { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('附件内容') });
  await page.click('[data-test=report-submit]');
  const outcome = await Promise.race([
    page.waitForSelector('[data-test=query-code]').then(() => 'ok', () => 'timeout'),
    page.waitForSelector('[data-test=report-error]').then(() => 'error', () => 'timeout'),
  ]);
  if (outcome !== 'ok') fail(`POST /api/v1/public/reports: ${outcome === 'error' ? (await page.textContent('[data-test=report-error]')).trim() : 'no answer'}`);
  const code = (await page.textContent('[data-test=query-code]')).trim();
  if (!code) fail('the report answer has no query code');
  step(`public report submitted; query code ${code}`);
  await shot(page, '19-public-report');
  await page.goto(`${base}/public/query`);
  await page.fill('input[name=query_code]', code);
  await page.click('[data-test=query-submit]');
  const query = await Promise.race([
    page.waitForSelector('[data-test=query-state]').then(() => 'ok', () => 'timeout'),
    page.waitForSelector('[data-test=query-error]').then(() => 'error', () => 'timeout'),
  ]);
  if (query !== 'ok') fail(`GET /api/v1/public/reports/{code}: ${query === 'error' ? (await page.textContent('[data-test=query-error]')).trim() : 'no answer'}`);
  const stage = (await page.textContent('[data-test=query-state]')).trim();
  if (!stage.includes('已收到')) fail(`the report's stage is "${stage}", expected 已收到`);
  step(`report found by its code: ${stage}`);
  await shot(page, '20-public-query');
  await page.goto(`${base}/public/cases`);
  await page.waitForSelector('[data-test=public-cases]');
  await page.waitForTimeout(500);
  await shot(page, '21-public-cases');
}

async function run() {
  if (!existsSync(binary)) fail(`no sunlight binary at ${binary} (set SUNLIGHT_BINARY)`);
  if (!existsSync(browserPath)) fail(`no Chromium at ${browserPath} (apt-get install chromium, or set CHROMIUM)`);
  if (!existsSync(path.join(staticDir, 'index.html'))) fail(`no ${staticDir}/index.html: run "npm run build" first`);
  mkdirSync(outDir, { recursive: true });

  const dataDir = mkdtempSync(path.join(tmpdir(), 'sunlight-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = createWriteStream(path.join(outDir, 'server.log'));
  step(`starting ${binary} demo on ${base} (data ${dataDir})`);
  const child = spawn(
    binary,
    ['demo', '--data-dir', dataDir, '--listen', `127.0.0.1:${port}`, '--households', households, '--static-dir', staticDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);

  let browser;
  const pageErrors = [];
  try {
    await waitForHealth(base, child, 600_000);
    step('server healthy');

    // The server must hand out the app itself, and the SPA page for deep links.
    for (const route of ['/', '/warnings']) {
      const response = await fetch(`${base}${route}`);
      const html = await response.text();
      if (!response.ok || !html.includes('<div id="app">')) fail(`GET ${route} did not serve the app (status ${response.status})`);
    }

    // The session endpoint is part of the server now: its absence is a failure, never a
    // reason to run the pages against a stand-in.
    if (!(await sessionEndpointExists(base))) fail('POST /api/v1/session is missing (404 route_not_found)');
    step('session endpoint present: full flow');

    browser = await chromium.launch({ executablePath: browserPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    watchCsp(page, pageErrors);

    await page.goto(`${base}/login`);
    await page.waitForSelector('[data-test=login-card]');
    const heading = await page.textContent('h1');
    if (!heading.includes('阳光')) fail(`login page heading is "${heading}"`);
    await shot(page, '01-login');

    await loggedInFlow(page, base, '');
    // Back in Chinese: the checks below read the Chinese labels.
    await page.evaluate(() => localStorage.setItem('sunlight.locale', 'zh-CN'));
    await supervisionFlow(page, base);
    await publicFlow(page, base);
  } finally {
    if (browser) await browser.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 10_000);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (process.env.SUNLIGHT_E2E_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true });
    if (pageErrors.length) {
      console.error(`e2e: errors in the page:\n  ${pageErrors.join('\n  ')}`);
      process.exitCode = 1;
    }
  }
}

run().then(
  () => {
    if (!process.exitCode) console.log(`e2e: passed (${steps.length} steps); screenshots in ${outDir}`);
  },
  (error) => {
    console.error(`e2e: FAILED: ${error.message}`);
    process.exitCode = 1;
  },
);
