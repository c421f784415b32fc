// Issue 8, "every list exports to Excel": each workflow list shows 导出 Excel, whose link repeats
// the list's own filters with format=xlsx (the server exports every matching row).
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { createRouter, createMemoryHistory } from 'vue-router';
import { createAppI18n } from '../../src/i18n/index.js';

function jsonResponse(status, body) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
async function plugins(path = '/') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push(path);
  await router.isReady();
  return { global: { plugins: [[ElementPlus, { locale: zhCn }], createAppI18n('zh-CN'), router], stubs: { transition: false } } };
}
const exportHref = (wrapper) => wrapper.find('[data-test=export-xlsx]').attributes('href');

describe('workflow lists export as Excel', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(jsonResponse(200, { items: [], total: 0 }))));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it.each([
    ['ClueListView', '/api/v1/clues?format=xlsx'],
    ['CaseListView', '/api/v1/cases?format=xlsx'],
    ['ProblemListView', '/api/v1/problems?format=xlsx'],
    ['TaskBoardView', '/api/v1/tasks?format=xlsx'],
    ['InspectionListView', '/api/v1/inspections?format=xlsx'],
    ['LetterListView', '/api/v1/letters?format=xlsx'],
    ['TransferListView', '/api/v1/transfers?box=received&format=xlsx'],
  ])('%s has the export button for its list', async (view, href) => {
    const { default: View } = await import(`../../src/views/flow/${view}.vue`);
    const wrapper = mount(View, await plugins('/'));
    await flushPromises();
    expect(exportHref(wrapper)).toBe(href);
    wrapper.unmount();
  });

  it('the transfer box and state filters go into the export URL', async () => {
    const { default: TransferListView } = await import('../../src/views/flow/TransferListView.vue');
    const wrapper = mount(TransferListView, await plugins('/transfers?box=sent&state=acknowledged'));
    await flushPromises();
    expect(exportHref(wrapper)).toBe('/api/v1/transfers?box=sent&state=acknowledged&format=xlsx');
    wrapper.unmount();
  });

  it('a list\'s applied filters go into the export URL, empty ones do not', async () => {
    const { default: ServerTable } = await import('../../src/components/ServerTable.vue');
    const wrapper = mount(ServerTable, {
      ...(await plugins('/')),
      props: { collection: 'clues', columns: [{ field: 'id' }], filters: { state: 'registered', channel: '' }, exportable: true },
    });
    await flushPromises();
    expect(exportHref(wrapper)).toBe('/api/v1/clues?state=registered&format=xlsx');
    await wrapper.setProps({ filters: { state: 'registered', channel: 'petition' } });
    expect(exportHref(wrapper)).toBe('/api/v1/clues?state=registered&channel=petition&format=xlsx');
    wrapper.unmount();
  });
});
