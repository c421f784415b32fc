import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { createRouter, createMemoryHistory } from 'vue-router';
import { createAppI18n } from '../../src/i18n/index.js';
import { session } from '../../src/api/session.js';

function jsonResponse(status, body) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
function plugins() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  return { global: { plugins: [[ElementPlus, { locale: zhCn }], createAppI18n('zh-CN'), router], stubs: { transition: false } } };
}
const text = (selector) => document.querySelector(selector)?.textContent || '';
function inspection(state, allowed) {
  return {
    id: 7,
    kind: 'special',
    title: '产业项目专项检查',
    org_id: '4401-JW',
    region_code: '4401',
    period_from: '2021-10-01',
    period_to: '2021-10-31',
    team_size: 1,
    state,
    findings: 0,
    members: [{ seq: 1, name: '张三', id_number: '440101********1234', org_id: '4401-JW', login: null }],
    targets: [{ seq: 1, type: 'org', ref: '520521-NY', region_code: '520521', label: '大方县农业农村局', members: [] }],
    events: [{ from: '', to: 'planned', actor: 'gz_jw', reason: '', at: '2026-11-22T10:00:00Z' }],
    allowed,
  };
}

describe('inspection, archive and user pages', () => {
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

  it('InspectionDetailView explains a refused start (409 wrong_state and plan_missing) in words', async () => {
    const { default: InspectionDetailView } = await import('../../src/views/flow/InspectionDetailView.vue');
    let answer = { error: { code: 'wrong_state', message: '', details: { state: 'completed', allowed: [] } } };
    fetchMock.mockImplementation((url, init) =>
      Promise.resolve(init?.method === 'POST' ? jsonResponse(409, answer) : jsonResponse(200, inspection('planned', ['in_progress', 'cancelled']))),
    );
    const wrapper = mount(InspectionDetailView, { props: { id: '7' }, ...plugins(), attachTo: document.body });
    await vi.waitFor(() => expect(wrapper.find('[data-test=inspection-state]').exists()).toBe(true));
    expect(wrapper.find('[data-test=inspection-state]').text()).toBe('已计划');
    // Every step is offered; those the state allows are primary.
    expect(wrapper.find('[data-test=step-in_progress]').classes()).toContain('el-button--primary');
    expect(wrapper.find('[data-test=step-completed]').classes()).not.toContain('el-button--primary');
    expect(wrapper.find('[data-test=step-cancelled]').classes()).toContain('el-button--danger');

    await wrapper.find('[data-test=step-in_progress]').trigger('click');
    await flushPromises();
    document.querySelector('[data-test=action-submit]').click();
    await vi.waitFor(() => expect(document.querySelector('[data-test=action-error]')).not.toBeNull());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post[0]).toBe('/api/v1/inspections/7/transitions');
    expect(JSON.parse(post[1].body)).toEqual({ to: 'in_progress' });
    expect(text('[data-test=action-error]')).toContain('当前状态为“已完成”，已是最终状态');

    answer = { error: { code: 'plan_missing', message: '尚未生成分组方案', details: null } };
    document.querySelector('[data-test=action-submit]').click();
    await vi.waitFor(() => expect(text('[data-test=action-error]')).toContain('还没有分组方案'));
    expect(text('[data-test=action-error]')).toContain('尚未生成分组方案');
    wrapper.unmount();
  });

  it('InspectionDetailView shows the planner\'s impossibility, and the proposed teams when one exists', async () => {
    const { default: InspectionDetailView } = await import('../../src/views/flow/InspectionDetailView.vue');
    let planAnswer = [422, {
      error: {
        code: 'not_enough_untied_members',
        message: '无法生成无利害关系的分配方案',
        details: { blocked_targets: [{ seq: 1, label: '大方县农业农村局', members: [{ seq: 1, name: '张三', ties: [{ reason: 'works_here', detail: '现任职于大方县农业农村局' }] }] }] },
      },
    }];
    fetchMock.mockImplementation((url, init) =>
      Promise.resolve(init?.method === 'POST' ? jsonResponse(...planAnswer) : jsonResponse(200, inspection('planned', ['in_progress', 'cancelled']))),
    );
    const wrapper = mount(InspectionDetailView, { props: { id: '7' }, ...plugins(), attachTo: document.body });
    await vi.waitFor(() => expect(wrapper.find('[data-test=run-planner]').exists()).toBe(true));
    await wrapper.find('[data-test=run-planner]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-test=blocked-target]').exists()).toBe(true));
    expect(fetchMock.mock.calls.some(([url, init]) => url === '/api/v1/inspections/7/plan' && init.method === 'POST')).toBe(true);
    expect(wrapper.find('[data-test=blocked-target]').text()).toContain('大方县农业农村局');
    expect(wrapper.find('[data-test=blocked-member]').text()).toBe('张三：现任职于大方县农业农村局');

    planAnswer = [200, { feasible: true, assignment: [{ target_seq: 1, label: '大方县农业农村局', members: [1] }], load: [{ seq: 1, targets: 1 }], max_load: 1 }];
    await wrapper.find('[data-test=run-planner]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-test=plan-assignment]').exists()).toBe(true));
    expect(wrapper.find('[data-test=blocked-target]').exists()).toBe(false);
    expect(wrapper.find('[data-test=plan-assignment]').text()).toContain('张三');
    expect(wrapper.find('[data-test=plan-load]').text()).toContain('大方县农业农村局');

    planAnswer = [409, { error: { code: 'wrong_state', message: '', details: { state: 'in_progress', allowed: ['completed', 'cancelled'] } } }];
    await wrapper.find('[data-test=run-planner]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-test=plan-refused]').exists()).toBe(true));
    expect(wrapper.find('[data-test=plan-refused]').text()).toContain('当前状态为“检查中”');
    expect(wrapper.find('[data-test=plan-refused]').text()).toContain('已完成、已撤销');
    wrapper.unmount();
  });

  it('ArchiveDetailView shows postings and entries and adds a record, refusing a future date first', async () => {
    const { default: ArchiveDetailView } = await import('../../src/views/flow/ArchiveDetailView.vue');
    const archive = (entries, lastUpdated) => ({
      id_number: '440101********1234',
      name: '王五',
      created_date: '2021-03-01',
      last_updated: lastUpdated,
      visible_to_regions: [],
      postings: [{ home_org_id: '4401-NY', home_org_name: '广州市农业农村局', host_org_id: '520521-NY', host_org_name: '大方县农业农村局', host_position: '副局长', start_date: '2021-03-01', end_date: null }],
      entries,
    });
    const first = [{ source: 'clue', id: 3, kind: 'clue', kind_label: '问题线索', entry_on: '2021-06-01', title: '反映其违规报销', content: '', created_by: null }];
    fetchMock.mockImplementation((url, init) => {
      if (init?.method === 'POST') {
        const added = { source: 'entry', id: 9, kind: 'talk', kind_label: '谈话提醒', entry_on: '2021-12-20', title: '提醒谈话', content: '', created_by: 'bj_jw' };
        return Promise.resolve(jsonResponse(201, { entry_id: 9, archive: archive([added, ...first], '2021-12-20') }));
      }
      return Promise.resolve(jsonResponse(200, archive(first, '2021-06-01')));
    });
    const wrapper = mount(ArchiveDetailView, { props: { id: '440101198001011234' }, ...plugins(), attachTo: document.body });
    await vi.waitFor(() => expect(wrapper.find('[data-test=archive-detail]').exists()).toBe(true));
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/archives/440101198001011234');
    expect(wrapper.find('[data-test=postings]').text()).toContain('大方县农业农村局');
    expect(wrapper.find('[data-test=postings]').text()).toContain('在任');
    expect(wrapper.find('[data-test=entries]').text()).toContain('问题线索');
    expect(wrapper.find('[data-test=last-updated]').text()).toBe('2021-06-01');

    await wrapper.find('[data-test=add-entry]').trigger('click');
    await flushPromises();
    document.querySelector('[data-test=action-submit]').click();
    await flushPromises();
    expect(text('[data-test=action-error]')).toContain('记录类型');
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);

    // Fill the dialog through its inputs: title by typing; kind and date have no text input
    // jsdom can drive, so the ActionDialog's reactive values are set through its instance.
    const dialog = wrapper.findComponent({ name: 'ActionDialog' });
    dialog.vm.$.setupState.values.kind = 'talk';
    dialog.vm.$.setupState.values.entry_on = '2999-01-01';
    dialog.vm.$.setupState.values.title = '提醒谈话';
    document.querySelector('[data-test=action-submit]').click();
    await flushPromises();
    expect(text('[data-test=action-error]')).toContain('日期不能晚于今天');
    dialog.vm.$.setupState.values.entry_on = '2021-12-20';
    document.querySelector('[data-test=action-submit]').click();
    await vi.waitFor(() => expect(wrapper.find('[data-test=last-updated]').text()).toBe('2021-12-20'));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post[0]).toBe('/api/v1/archives/440101198001011234/entries');
    expect(JSON.parse(post[1].body)).toEqual({ kind: 'talk', entry_on: '2021-12-20', title: '提醒谈话', content: '' });
    expect(wrapper.find('[data-test=entries]').text()).toContain('谈话提醒');
    wrapper.unmount();
  });

  it('UserListView offers the creation form only to the user administrators and labels roles in Chinese', async () => {
    const { default: UserListView } = await import('../../src/views/flow/UserListView.vue');
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [{ login: 'bj_jw', display_name: '毕节纪委', role: 'supervisor', org_id: '5205-JW', must_change_password: false, totp: false, locked: false }], total: 1 }));
    session.user = { login: 'secadmin', role: 'secadmin' };
    const admin = mount(UserListView, plugins());
    await vi.waitFor(() => expect(admin.text()).toContain('bj_jw'));
    expect(admin.find('[data-test=new-user]').exists()).toBe(true);
    expect(admin.text()).toContain('监督检查');
    admin.unmount();
    session.user = { login: 'auditadmin', role: 'auditadmin' };
    const auditor = mount(UserListView, plugins());
    await flushPromises();
    expect(auditor.find('[data-test=new-user]').exists()).toBe(false);
    auditor.unmount();
  });
});
