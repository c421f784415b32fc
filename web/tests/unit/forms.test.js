import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { createRouter, createMemoryHistory } from 'vue-router';
import { createAppI18n } from '../../src/i18n/index.js';
import {
  buildInspectionDraft,
  validateInspectionDraft,
  emptyInspectionForm,
  plannerFailure,
  planRows,
} from '../../src/utils/inspections.js';
import { validateNewUser, buildNewUser, emptyUserForm } from '../../src/utils/users.js';
import { validateEntry, postingText } from '../../src/utils/archives.js';
import { ApiError } from '../../src/api/client.js';
import InspectionForm from '../../src/components/InspectionForm.vue';
import PlannerResult from '../../src/components/PlannerResult.vue';
import UserForm from '../../src/components/UserForm.vue';

function jsonResponse(status, body) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
function plugins() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
  });
  return { global: { plugins: [[ElementPlus, { locale: zhCn }], createAppI18n('zh-CN'), router], stubs: { transition: false } } };
}
const i18nZh = () => {
  const i18n = createAppI18n('zh-CN');
  return { t: i18n.global.t, te: i18n.global.te };
};
const text = (selector) => document.querySelector(selector)?.textContent || '';
const validForm = () => ({
  kind: 'special',
  title: ' 2021年产业项目专项检查 ',
  period_from: '2021-10-01',
  period_to: '2021-10-31',
  team_size: 1,
  members: [
    { name: '张三', id_number: '44010119800101123x', org_id: '4401-JW', login: 'gz_jw' },
    { name: '', id_number: '', org_id: '', login: '' },
  ],
  targets: [
    { type: 'org', ref: '520521-NY' },
    { type: 'project', ref: '' },
  ],
});
const BLOCKED = {
  error: {
    code: 'not_enough_untied_members',
    message: '无法生成无利害关系的分配方案：检查对象“大方县农业农村局”需要 1 名成员，无回避情形的仅 0 名（张三：现任职于大方县农业农村局）。',
    details: {
      blocked_targets: [
        {
          seq: 1,
          label: '大方县农业农村局',
          members: [
            { seq: 1, name: '张三', ties: [{ reason: 'works_here', detail: '现任职于大方县农业农村局' }] },
            { seq: 2, name: '李四', ties: [{ reason: 'kin_registered_here', detail: '' }, { reason: 'worked_here', detail: '曾任职于大方县农业农村局' }] },
          ],
        },
      ],
    },
  },
};

describe('inspection drafts', () => {
  it('drops blank rows, trims, upper-cases the X of an ID number and keeps login only when given', () => {
    const draft = buildInspectionDraft(validForm());
    expect(draft.title).toBe('2021年产业项目专项检查');
    expect(draft.members).toEqual([{ id_number: '44010119800101123X', name: '张三', org_id: '4401-JW', login: 'gz_jw' }]);
    expect(draft.targets).toEqual([{ type: 'org', ref: '520521-NY' }]);
    expect(validateInspectionDraft(draft)).toEqual([]);
    const noLogin = buildInspectionDraft({ ...validForm(), members: [{ name: '张三', id_number: '440101198001011234', org_id: '4401-JW', login: ' ' }] });
    expect(noLogin.members[0]).not.toHaveProperty('login');
  });

  it('names what is wrong: empty form, reversed period, incomplete and duplicate members, too large a team', () => {
    const empty = validateInspectionDraft(buildInspectionDraft(emptyInspectionForm())).map((p) => p.key);
    expect(empty).toEqual(['kind', 'title', 'period', 'members', 'targets']);
    const form = validForm();
    form.period_from = '2021-11-01';
    form.team_size = 3;
    form.members = [
      { name: '张三', id_number: '440101198001011234', org_id: '4401-JW' },
      { name: '张三', id_number: '440101198001011234', org_id: '4401-JW' },
      { name: '', id_number: '12345', org_id: '4401-JW' },
    ];
    form.targets = [{ type: 'org', ref: 'A' }, { type: 'org', ref: 'A' }];
    const problems = validateInspectionDraft(buildInspectionDraft(form));
    expect(problems).toEqual([
      { key: 'periodOrder', params: {} },
      { key: 'memberDuplicate', params: { row: 2 } },
      { key: 'memberIncomplete', params: { row: 3 } },
      { key: 'targetDuplicate', params: { row: 2 } },
    ]);
    form.members = form.members.slice(0, 1);
    expect(validateInspectionDraft(buildInspectionDraft(form)).map((p) => p.key)).toContain('teamTooLarge');
  });

  it('reads an impossible plan: each blocked target with each member and their ties in words', () => {
    const error = new ApiError({ status: 422, ...BLOCKED.error, kind: 'bad_input' });
    const failure = plannerFailure(error, i18nZh());
    expect(failure.headline).toBe('无法生成分组方案：无利害关系的成员不够');
    expect(failure.blocked).toHaveLength(1);
    expect(failure.blocked[0].text).toContain('大方县农业农村局');
    expect(failure.blocked[0].members.map((m) => m.text)).toEqual([
      '张三：现任职于大方县农业农村局',
      '李四：亲属户籍在该地；曾任职于大方县农业农村局',
    ]);
    expect(plannerFailure(new ApiError({ status: 409, code: 'wrong_state' }), i18nZh())).toBeNull();
  });

  it('turns a plan into teams per target and targets per member', () => {
    const inspection = { members: [{ seq: 1, name: '张三' }, { seq: 2, name: '李四' }] };
    const rows = planRows(
      {
        assignment: [
          { target_seq: 1, label: '甲村', members: [1] },
          { target_seq: 2, label: '乙项目', members: [2, 1] },
        ],
        load: [{ seq: 1, targets: 2 }, { seq: 2, targets: 1 }],
        max_load: 2,
      },
      inspection,
    );
    expect(rows.assignment.map((a) => a.members)).toEqual([['张三'], ['李四', '张三']]);
    expect(rows.load).toEqual([
      { seq: 1, name: '张三', targets: ['甲村', '乙项目'], load: 2 },
      { seq: 2, name: '李四', targets: ['乙项目'], load: 1 },
    ]);
  });
});

describe('user and archive checks', () => {
  it('checks logins and the password rules of the server', () => {
    const user = buildNewUser({ ...emptyUserForm(), login: ' wang.li ', role: 'supervisor', org_id: '5205-JW', password: 'Long-enough-pass-9' });
    expect(user.login).toBe('wang.li');
    expect(validateNewUser(user)).toEqual([]);
    expect(validateNewUser({ ...user, password: '短密码' })).toEqual(['passwordLength']);
    expect(validateNewUser({ ...user, password: 'xxWANG.LIxxxxx' })).toEqual(['passwordLogin']);
    expect(validateNewUser({ ...user, login: '_x', role: 'king', org_id: '' })).toEqual(['login', 'role', 'org']);
  });

  it('checks an archive entry and writes a posting as one line', () => {
    expect(validateEntry({ kind: 'talk', entry_on: '2021-12-20', title: '谈话' }, '2022-01-01')).toEqual([]);
    expect(validateEntry({ kind: 'x', entry_on: '2022-02-01', title: ' ' }, '2022-01-01')).toEqual(['kind', 'future', 'title']);
    expect(postingText({ home_org_name: '广州市某局', host_org_name: '大方县农业农村局', host_position: '副局长' })).toBe('广州市某局 → 大方县农业农村局 · 副局长');
    expect(postingText(null)).toBe('—');
  });
});

describe('forms', () => {
  let fetchMock;
  beforeEach(() => {
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('InspectionForm refuses an empty draft without sending, then sends the draft and explains a 400', async () => {
    fetchMock.mockResolvedValue(jsonResponse(400, { error: { code: 'unknown_target', message: '台账中没有检查对象 520521-NY', details: null } }));
    const wrapper = mount(InspectionForm, { props: { modelValue: true }, ...plugins(), attachTo: document.body });
    await flushPromises();
    document.querySelector('[data-test=form-submit]').click();
    await flushPromises();
    expect(fetchMock).not.toHaveBeenCalled();
    const problems = text('[data-test=form-problems]');
    expect(problems).toContain('请选择检查类型');
    expect(problems).toContain('请填写检查名称');
    expect(problems).toContain('请至少添加一名检查组成员');

    Object.assign(wrapper.vm.form, validForm());
    await flushPromises();
    document.querySelector('[data-test=form-submit]').click();
    await vi.waitFor(() => expect(document.querySelector('[data-test=form-error]')).not.toBeNull());
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/inspections');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual(buildInspectionDraft(validForm()));
    expect(text('[data-test=form-error]')).toContain('台账中找不到该检查对象（台账中没有检查对象 520521-NY）');
    expect(document.querySelector('[data-test=form-problems]')).toBeNull();
    wrapper.unmount();
  });

  it('PlannerResult names the target that cannot be covered and each member\'s tie', async () => {
    const error = new ApiError({ status: 422, ...BLOCKED.error, kind: 'bad_input' });
    const wrapper = mount(PlannerResult, { props: { inspection: { members: [] }, error }, ...plugins() });
    await flushPromises();
    expect(wrapper.find('[data-test=plan-impossible]').text()).toContain('无利害关系的成员不够');
    expect(wrapper.find('[data-test=blocked-target]').text()).toContain('检查对象“大方县农业农村局”无法配齐无利害关系的成员');
    expect(wrapper.findAll('[data-test=blocked-member]').map((li) => li.text())).toEqual([
      '张三：现任职于大方县农业农村局',
      '李四：亲属户籍在该地；曾任职于大方县农业农村局',
    ]);
    expect(wrapper.find('[data-test=plan-assignment]').exists()).toBe(false);
  });

  it('UserForm checks the password before sending and shows the server\'s weak_password reason', async () => {
    fetchMock.mockResolvedValue(jsonResponse(400, { error: { code: 'weak_password', message: '密码过于常见，请换一个不易猜到的密码', details: null } }));
    const wrapper = mount(UserForm, { props: { modelValue: true }, ...plugins(), attachTo: document.body });
    await flushPromises();
    Object.assign(wrapper.vm.form, { login: 'wangli', role: 'intake', org_id: '5205-JW', password: 'short' });
    await flushPromises();
    document.querySelector('[data-test=form-submit]').click();
    await flushPromises();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(text('[data-test=form-problems]')).toContain('密码至少需要 12 个字符');

    wrapper.vm.form.password = 'Password1234';
    await flushPromises();
    document.querySelector('[data-test=form-submit]').click();
    await vi.waitFor(() => expect(document.querySelector('[data-test=form-error]')).not.toBeNull());
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({
      login: 'wangli', display_name: '', role: 'intake', org_id: '5205-JW', password: 'Password1234', temporary: true,
    });
    expect(text('[data-test=form-error]')).toBe('密码强度不足：密码过于常见，请换一个不易猜到的密码');
    wrapper.unmount();
  });
});
