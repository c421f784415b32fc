// The administration pieces of issue 8: user edit / lock / unlock / reset-password (with the
// temporary password shown once), the audit chain's verification status, and archive rows
// that open their detail by the list's key.
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { createRouter, createMemoryHistory } from 'vue-router';
import { createAppI18n } from '../../src/i18n/index.js';
import { session } from '../../src/api/session.js';
import { buildUserChange, validateUserChange } from '../../src/utils/users.js';
import { loginErrorText } from '../../src/utils/errors.js';
import { ApiError } from '../../src/api/client.js';

function jsonResponse(status, body) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
function plugins() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  return { global: { plugins: [[ElementPlus, { locale: zhCn }], createAppI18n('zh-CN'), router], stubs: { transition: false } } };
}
const text = (selector) => document.querySelector(selector)?.textContent || '';
const click = (selector) => document.querySelector(selector).click();

const USERS = [
  { id: 5, login: 'dafang_ny', display_name: '大方县农业农村局项目负责人', role: 'project_owner', org_id: '520521-NY', must_change_password: false, totp: false, locked: false, locked_by_admin: false },
  { id: 6, login: 'bj_jw', display_name: '毕节纪委', role: 'supervisor', org_id: '5205-JW', must_change_password: false, totp: false, locked: true, locked_by_admin: true },
];

describe('user administration, audit verification and archive rows', () => {
  let fetchMock;
  beforeEach(() => {
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
    session.user = null;
  });
  const posts = () => fetchMock.mock.calls.filter(([, init]) => init?.method && init.method !== 'GET');

  it('buildUserChange sends only what changed, and validateUserChange names the field', () => {
    const user = USERS[0];
    expect(buildUserChange(user, { role: 'project_owner', org_id: ' 520521-NY ', display_name: '大方县农业农村局项目负责人' })).toEqual({});
    expect(buildUserChange(user, { role: 'auditor', org_id: '520521-SJ', display_name: ' 张工 ' })).toEqual({ role: 'auditor', org_id: '520521-SJ', display_name: '张工' });
    expect(validateUserChange({ org_id: '' })).toEqual([['org_id', 'org']]);
    expect(validateUserChange({ display_name: '' })).toEqual([['display_name', 'displayName']]);
    expect(validateUserChange({ role: 'emperor' })).toEqual([['role', 'role']]);
    expect(validateUserChange({ role: 'auditor', display_name: '张工' })).toEqual([]);
  });

  it('the login page says an administrator\'s lock is one, instead of a wait of millions of minutes', () => {
    const { t } = createAppI18n('zh-CN').global;
    const adminLock = new ApiError({ status: 429, code: 'too_many_attempts', kind: 'too_many_attempts', details: { retry_after_seconds: 7_900_000_000 } });
    expect(loginErrorText(adminLock, t)).toContain('安全管理员锁定');
    const failedLogins = new ApiError({ status: 429, code: 'too_many_attempts', kind: 'too_many_attempts', details: { retry_after_seconds: 600 } });
    expect(loginErrorText(failedLogins, t)).toContain('10 分钟');
  });

  it('UserListView: the security administrator resets a password and sees the temporary one once', async () => {
    const { default: UserListView } = await import('../../src/views/flow/UserListView.vue');
    fetchMock.mockImplementation((url, init) => {
      if (init?.method === 'POST' && url === '/api/v1/users/5/reset-password') {
        return Promise.resolve(jsonResponse(200, { id: 5, login: 'dafang_ny', temporary_password: 'Tmp7kQ9xZr4mWp2c', must_change_password: true }));
      }
      return Promise.resolve(jsonResponse(200, { items: USERS, total: 2 }));
    });
    session.user = { login: 'secadmin', role: 'secadmin' };
    const wrapper = mount(UserListView, { ...plugins(), attachTo: document.body });
    await vi.waitFor(() => expect(wrapper.find('[data-test=actions-dafang_ny]').exists()).toBe(true));
    // A locked row offers unlock, an open one lock; the administrator's lock is named.
    expect(wrapper.find('[data-test=actions-bj_jw] [data-test=user-unlock]').exists()).toBe(true);
    expect(wrapper.find('[data-test=actions-dafang_ny] [data-test=user-lock]').exists()).toBe(true);
    expect(wrapper.text()).toContain('已被管理员锁定');

    await wrapper.find('[data-test=actions-dafang_ny] [data-test=user-reset]').trigger('click');
    await flushPromises();
    expect(text('[data-test=user-confirm-text]')).toContain('dafang_ny');
    expect(posts()).toHaveLength(0);
    click('[data-test=user-confirm-submit]');
    await vi.waitFor(() => expect(text('[data-test=temp-password]')).toBe('Tmp7kQ9xZr4mWp2c'));
    expect(posts().map(([url]) => url)).toEqual(['/api/v1/users/5/reset-password']);
    expect(text('[data-test=temp-password-dialog]')).toContain('只显示这一次');

    click('[data-test=temp-done]');
    await flushPromises();
    await vi.waitFor(() => expect(document.body.innerHTML).not.toContain('Tmp7kQ9xZr4mWp2c'));
    wrapper.unmount();
  });

  it('UserListView: lock and unlock go to their routes after confirmation; a refusal is explained', async () => {
    const { default: UserListView } = await import('../../src/views/flow/UserListView.vue');
    let lockAnswer = jsonResponse(403, { error: { code: 'forbidden', message: '只有安全管理员可以…', details: null } });
    fetchMock.mockImplementation((url, init) => {
      if (init?.method === 'POST' && url.endsWith('/lock')) return Promise.resolve(lockAnswer);
      if (init?.method === 'POST' && url.endsWith('/unlock')) return Promise.resolve(jsonResponse(200, { ...USERS[1], locked: false }));
      return Promise.resolve(jsonResponse(200, { items: USERS, total: 2 }));
    });
    session.user = { login: 'secadmin', role: 'secadmin' };
    const wrapper = mount(UserListView, { ...plugins(), attachTo: document.body });
    await vi.waitFor(() => expect(wrapper.find('[data-test=actions-dafang_ny]').exists()).toBe(true));

    await wrapper.find('[data-test=actions-dafang_ny] [data-test=user-lock]').trigger('click');
    await flushPromises();
    expect(text('[data-test=user-confirm-text]')).toContain('无法登录');
    click('[data-test=user-confirm-submit]');
    await vi.waitFor(() => expect(text('[data-test=user-confirm-error]')).toContain('只有安全管理员'));
    lockAnswer = jsonResponse(200, { ...USERS[0], locked: true, locked_by_admin: true });
    click('[data-test=user-confirm-submit]');
    await vi.waitFor(() => expect(wrapper.find('[data-test=user-notice]').text()).toBe('已锁定 dafang_ny'));

    await vi.waitFor(() => expect(wrapper.find('[data-test=actions-bj_jw] [data-test=user-unlock]').exists()).toBe(true));
    await wrapper.find('[data-test=actions-bj_jw] [data-test=user-unlock]').trigger('click');
    await flushPromises();
    click('[data-test=user-confirm-submit]');
    await vi.waitFor(() => expect(wrapper.find('[data-test=user-notice]').text()).toBe('已解锁 bj_jw'));
    expect(posts().map(([url]) => url)).toEqual(['/api/v1/users/5/lock', '/api/v1/users/5/lock', '/api/v1/users/6/unlock']);
    wrapper.unmount();
  });

  it('UserListView offers no row actions to the system administrator', async () => {
    const { default: UserListView } = await import('../../src/views/flow/UserListView.vue');
    fetchMock.mockResolvedValue(jsonResponse(200, { items: USERS, total: 2 }));
    session.user = { login: 'admin', role: 'sysadmin' };
    const wrapper = mount(UserListView, plugins());
    await vi.waitFor(() => expect(wrapper.text()).toContain('dafang_ny'));
    expect(wrapper.find('[data-test=new-user]').exists()).toBe(true);
    expect(wrapper.find('[data-test=user-reset]').exists()).toBe(false);
    expect(wrapper.find('[data-test=user-lock]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('UserEditDialog sends only the changed fields and marks the field a 422 names', async () => {
    const { default: UserEditDialog } = await import('../../src/components/UserEditDialog.vue');
    let answer = jsonResponse(422, { error: { code: 'unknown_org', message: '单位 9999-X 不在台账的单位表中', details: { field: 'org_id' } } });
    fetchMock.mockImplementation(() => Promise.resolve(answer));
    const wrapper = mount(UserEditDialog, { props: { modelValue: true, user: USERS[0] }, ...plugins(), attachTo: document.body });
    await flushPromises();
    // Nothing changed: nothing sent.
    click('[data-test=edit-submit]');
    await flushPromises();
    expect(text('[data-test=edit-error]')).toContain('没有修改任何内容');
    expect(fetchMock).not.toHaveBeenCalled();

    wrapper.vm.form.org_id = '9999-X';
    await flushPromises();
    click('[data-test=edit-submit]');
    await vi.waitFor(() => expect(text('.el-form-item__error')).toContain('所属单位不存在'));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/users/5');
    expect(init.method).toBe('PATCH');
    expect(JSON.parse(init.body)).toEqual({ org_id: '9999-X' });

    answer = jsonResponse(200, { ...USERS[0], role: 'auditor', org_id: '520521-SJ' });
    wrapper.vm.form.org_id = '520521-SJ';
    wrapper.vm.form.role = 'auditor';
    await flushPromises();
    click('[data-test=edit-submit]');
    await vi.waitFor(() => expect(wrapper.emitted('updated')).toBeTruthy());
    expect(JSON.parse(fetchMock.mock.calls[1][1].body)).toEqual({ role: 'auditor', org_id: '520521-SJ' });
    expect(wrapper.emitted('updated')[0][0].role).toBe('auditor');
    wrapper.unmount();
  });

  it('AuditVerifyStatus: green with the count, red naming the first broken record, and re-checks', async () => {
    const { default: AuditVerifyStatus } = await import('../../src/components/AuditVerifyStatus.vue');
    let answer = { ok: true, records: 1234, first_broken: null, checked_at: '2026-11-22T12:00:00Z' };
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(200, answer)));
    const wrapper = mount(AuditVerifyStatus, plugins());
    await vi.waitFor(() => expect(wrapper.find('[data-test=audit-verify-ok]').exists()).toBe(true));
    expect(wrapper.find('[data-test=audit-verify-ok]').text()).toContain('审计链完整，1234 条');
    expect(wrapper.find('[data-test=audit-verify-ok]').classes()).toContain('el-alert--success');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/audit/verify');

    answer = {
      ok: false,
      records: 57,
      first_broken: { id: 57, present: true, occurred_at: '2026-11-22T10:00:00Z', login: 'gz_jw', action: 'read.household', target: 'forged', problem: '记录内容与哈希链不符' },
      checked_at: '2026-11-22T12:05:00Z',
    };
    await wrapper.find('[data-test=audit-recheck]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-test=audit-verify-broken]').exists()).toBe(true));
    const broken = wrapper.find('[data-test=audit-verify-broken]');
    expect(broken.classes()).toContain('el-alert--error');
    expect(broken.text()).toContain('#57');
    expect(broken.text()).toContain('read.household');
    expect(broken.text()).toContain('记录内容与哈希链不符');
    expect(wrapper.find('[data-test=audit-verify-ok]').exists()).toBe(false);
    expect(fetchMock).toHaveBeenCalledTimes(2);

    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(403, { error: { code: 'forbidden', message: '只有审计管理员可以校验审计日志', details: null } })));
    await wrapper.find('[data-test=audit-recheck]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-test=audit-verify-error]').exists()).toBe(true));
    expect(wrapper.find('[data-test=audit-verify-error]').text()).toContain('无法校验审计链');
    wrapper.unmount();
  });

  it('ArchiveListView opens a row by its key, never by the masked number, and exports as Excel', async () => {
    const { default: ArchiveListView } = await import('../../src/views/flow/ArchiveListView.vue');
    const key = `k${'ab12'.repeat(8)}`;
    fetchMock.mockResolvedValue(jsonResponse(200, {
      items: [{ key, id_number: '440101********1234', name: '张三', latest_posting: null, last_updated: null, has_archive: false }],
      total: 1,
    }));
    const wrapper = mount(ArchiveListView, plugins());
    await vi.waitFor(() => expect(wrapper.text()).toContain('张三'));
    const hrefs = wrapper.findAll('a').map((a) => a.attributes('href'));
    expect(hrefs).toContain(`/archives/${key}`);
    expect(hrefs.some((h) => h && h.includes('*'))).toBe(false);
    // The list exports as Excel (every visible archive, masked alike).
    expect(wrapper.find('[data-test=export-xlsx]').attributes('href')).toBe('/api/v1/archives?format=xlsx');
    wrapper.unmount();
  });
});
