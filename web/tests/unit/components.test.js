import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { createRouter, createMemoryHistory } from 'vue-router';
import { createAppI18n } from '../../src/i18n/index.js';
import ServerTable from '../../src/components/ServerTable.vue';
import ApiErrorState from '../../src/components/ApiErrorState.vue';
import LoginView from '../../src/views/LoginView.vue';
import { ApiError } from '../../src/api/client.js';
import zhCN from '../../src/i18n/zh-CN.js';

function jsonResponse(status, body) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function plugins() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div data-test="home">home</div>' } },
      { path: '/login', component: LoginView },
      { path: '/payments/:id', component: { template: '<div />' } },
    ],
  });
  return { router, global: { plugins: [[ElementPlus, { locale: zhCn }], createAppI18n('zh-CN'), router], stubs: { transition: false } } };
}

describe('components', () => {
  let fetchMock;
  beforeEach(() => {
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('ServerTable renders a page of rows with links and the total', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(200, {
        items: [
          { payment_id: 'PAY-1', payee_name: '张*明', amount_fen: 123456 },
          { payment_id: 'PAY-2', payee_name: '李*', amount_fen: 500 },
        ],
        total: 42,
        page: 1,
        page_size: 20,
      }),
    );
    const { global } = plugins();
    const wrapper = mount(ServerTable, {
      props: {
        collection: 'payments',
        columns: [{ field: 'payment_id' }, { field: 'payee_name' }, { field: 'amount_fen' }],
        idField: 'payment_id',
        detailRoute: (row) => `/payments/${row.payment_id}`,
        filters: { region: '5205' },
      },
      global,
    });
    await flushPromises();
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/payments?region=5205&page=1&page_size=20');
    const text = wrapper.text();
    expect(text).toContain('PAY-1');
    expect(text).toContain('张*明');
    expect(text).toContain('1,234.56');
    expect(text).toContain('共 42 条');
    expect(wrapper.find('a[href="/payments/PAY-2"]').exists()).toBe(true);
  });

  it('ServerTable explains an endpoint that is not built yet', async () => {
    fetchMock.mockResolvedValue(jsonResponse(404, { error: { code: 'route_not_found', message: '请求的接口不存在' } }));
    const { global } = plugins();
    const wrapper = mount(ServerTable, { props: { collection: 'clues', columns: [{ field: 'id' }] }, global });
    await flushPromises();
    const error = wrapper.find('[data-test=api-error]');
    expect(error.exists()).toBe(true);
    expect(error.attributes('data-kind')).toBe('not_available');
    expect(wrapper.text()).toContain(zhCN.errors.not_available);
  });

  it('ServerTable shows the empty state', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [], total: 0, page: 1, page_size: 20 }));
    const { global } = plugins();
    const wrapper = mount(ServerTable, { props: { collection: 'projects', columns: [{ field: 'project_id' }] }, global });
    await flushPromises();
    expect(wrapper.text()).toContain(zhCN.empty.list);
  });

  it('ApiErrorState says what a refusal means and offers a retry', async () => {
    const { global } = plugins();
    const wrapper = mount(ApiErrorState, {
      props: { error: new ApiError({ status: 403, code: 'outside_jurisdiction', kind: 'forbidden', path: '/households/H1' }) },
      global,
    });
    expect(wrapper.text()).toContain('没有查看此内容的权限');
    expect(wrapper.text()).toContain('403');
    await wrapper.find('button').trigger('click');
    expect(wrapper.emitted('retry')).toHaveLength(1);
  });

  it('LoginView shows the lock-out message', async () => {
    fetchMock.mockImplementation((url) =>
      Promise.resolve(
        String(url).endsWith('/health')
          ? jsonResponse(200, { status: 'ok' })
          : jsonResponse(429, { error: { code: 'too_many_attempts', message: 'locked', details: { retry_after_seconds: 300 } } }),
      ),
    );
    const { global, router } = plugins();
    router.push('/login');
    await router.isReady();
    const wrapper = mount(LoginView, { global, attachTo: document.body });
    await wrapper.find('input[name=login]').setValue('gz_jw');
    await wrapper.find('input[name=password]').setValue('wrong');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    await new Promise((r) => setTimeout(r, 0));
    await flushPromises();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post[0]).toBe('/api/v1/session');
    expect(JSON.parse(post[1].body)).toEqual({ login: 'gz_jw', password: 'wrong' });
    expect(wrapper.find('[data-test=login-error]').text()).toContain('已暂时锁定');
    expect(wrapper.find('[data-test=login-error]').text()).toContain('5 分钟');
    wrapper.unmount();
  });
});

describe('workflow components', () => {
  it('ActionDialog requires its fields, then shows a refused step in plain words', async () => {
    const { default: ActionDialog } = await import('../../src/components/ActionDialog.vue');
    const { global } = plugins();
    const submit = vi.fn().mockRejectedValue(
      new ApiError({ status: 409, code: 'wrong_state', kind: 'conflict', details: { state: 'dismissed', allowed: [] } }),
    );
    const wrapper = mount(ActionDialog, {
      props: { modelValue: true, title: '排除', machine: 'warning', fields: [{ name: 'reason', label: '排除理由', required: true }], submit },
      global,
      attachTo: document.body,
    });
    await flushPromises();
    document.querySelector('[data-test=action-submit]').click();
    await flushPromises();
    expect(submit).not.toHaveBeenCalled();
    expect(document.querySelector('[data-test=action-error]').textContent).toContain('此项必填：排除理由');
    const input = document.querySelector('input[name=reason]');
    input.value = '核实无误';
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    document.querySelector('[data-test=action-submit]').click();
    await flushPromises();
    expect(submit).toHaveBeenCalledWith({ reason: '核实无误' });
    expect(document.querySelector('[data-test=action-error]').textContent).toContain('当前状态为“已排除”，已是最终状态');
    expect(wrapper.emitted('done')).toBeUndefined();
    wrapper.unmount();
  });
});

describe('public portal and transfers', () => {
  let fetchMock;
  beforeEach(() => {
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('PublicReportView sends the report with its attachment in base64 and shows the query code', async () => {
    const { default: PublicReportView } = await import('../../src/views/public/PublicReportView.vue');
    fetchMock.mockResolvedValue(jsonResponse(201, { query_code: 'ABCD-EFGH-JKLM', state: 'received', acceptance_due: '2026-12-14', message: '举报已收到。' }));
    const { global } = plugins();
    const wrapper = mount(PublicReportView, { global, attachTo: document.body });
    await wrapper.find('textarea[name=content]').setValue('补助没有发放');
    await wrapper.find('input[name=region_code]').setValue('520521');
    const file = new File(['附件'], 'a.txt', { type: 'text/plain' });
    const input = wrapper.find('[data-test=report-files]');
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');
    await wrapper.find('[data-test=report-form]').trigger('submit');
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/public/reports');
    expect(init.method).toBe('POST');
    const body = JSON.parse(init.body);
    expect(body.content).toBe('补助没有发放');
    expect(body.region_code).toBe('520521');
    expect(body.anonymous).toBe(true);
    expect(body.attachments).toEqual([{ file_name: 'a.txt', content_type: 'text/plain', content_base64: Buffer.from('附件').toString('base64') }]);
    await vi.waitFor(() => expect(wrapper.find('[data-test=query-code]').exists()).toBe(true));
    expect(wrapper.find('[data-test=query-code]').text()).toBe('ABCD-EFGH-JKLM');
    wrapper.unmount();
  });

  it('TransferDetailView offers the receiver its steps and explains a refused one', async () => {
    const { default: TransferDetailView } = await import('../../src/views/flow/TransferDetailView.vue');
    const transfer = { id: 5, letter_no: '穗纪移〔2026〕1号', state: 'concluded', state_label: '已办结', direction: 'received', allowed: [], items: [], feedback: [] };
    fetchMock.mockImplementation((url, init) => {
      if (init?.method === 'POST') {
        return Promise.resolve(jsonResponse(409, { error: { code: 'wrong_state', message: '', details: { state: 'concluded', allowed: [] } } }));
      }
      return Promise.resolve(jsonResponse(200, transfer));
    });
    const { global } = plugins();
    const wrapper = mount(TransferDetailView, { props: { id: '5' }, global, attachTo: document.body });
    await vi.waitFor(() => expect(wrapper.find('[data-test=transfer-state]').exists()).toBe(true));
    expect(wrapper.find('[data-test=transfer-state]').text()).toBe('已办结');
    await wrapper.find('[data-test=transfer-action-acknowledge]').trigger('click');
    await flushPromises();
    document.querySelector('[data-test=action-submit]').click();
    await vi.waitFor(() => expect(document.querySelector('[data-test=action-error]')).not.toBeNull());
    expect(fetchMock.mock.calls.some(([url, init]) => url === '/api/v1/transfers/5/acknowledge' && init.method === 'POST')).toBe(true);
    expect(document.querySelector('[data-test=action-error]').textContent).toContain('当前状态为“已办结”，已是最终状态');
    wrapper.unmount();
  });
});
