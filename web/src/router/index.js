// Routes of the app. Each route's meta names its title (an i18n key) and the menu group it
// sits in, which the layout turns into breadcrumbs. Everything but /login needs a session.
import { createRouter, createWebHistory, createMemoryHistory } from 'vue-router';
import { session, restoreSession } from '../api/session.js';
import AdminLayout from '../layouts/AdminLayout.vue';
import LoginView from '../views/LoginView.vue';
import DashboardView from '../views/DashboardView.vue';
import WarningListView from '../views/WarningListView.vue';
import WarningDetailView from '../views/WarningDetailView.vue';
import CollectionListView from '../views/CollectionListView.vue';
import CollectionDetailView from '../views/CollectionDetailView.vue';
import PlaceholderView from '../views/PlaceholderView.vue';
import { COLLECTIONS } from '../config/collections.js';
import ClueListView from '../views/flow/ClueListView.vue';
import ClueDetailView from '../views/flow/ClueDetailView.vue';
import TransferListView from '../views/flow/TransferListView.vue';
import TransferDetailView from '../views/flow/TransferDetailView.vue';
import ProblemListView from '../views/flow/ProblemListView.vue';
import ProblemDetailView from '../views/flow/ProblemDetailView.vue';
import TaskBoardView from '../views/flow/TaskBoardView.vue';
import TaskDetailView from '../views/flow/TaskDetailView.vue';
import CaseListView from '../views/flow/CaseListView.vue';
import CaseDetailView from '../views/flow/CaseDetailView.vue';
import LetterListView from '../views/flow/LetterListView.vue';
import GenericListView from '../views/flow/GenericListView.vue';
import ImportView from '../views/flow/ImportView.vue';
import StatsView from '../views/flow/StatsView.vue';
import SharesView from '../views/flow/SharesView.vue';
import InspectionListView from '../views/flow/InspectionListView.vue';
import InspectionDetailView from '../views/flow/InspectionDetailView.vue';
import ArchiveListView from '../views/flow/ArchiveListView.vue';
import ArchiveDetailView from '../views/flow/ArchiveDetailView.vue';
import UserListView from '../views/flow/UserListView.vue';
import AuditLogView from '../views/flow/AuditLogView.vue';
import PublicLayout from '../layouts/PublicLayout.vue';
import PublicDisclosureView from '../views/public/PublicDisclosureView.vue';
import PublicReportView from '../views/public/PublicReportView.vue';
import PublicQueryView from '../views/public/PublicQueryView.vue';
import PublicSelfQueryView from '../views/public/PublicSelfQueryView.vue';
import PublicCasesView from '../views/public/PublicCasesView.vue';

// The supervision pages with their own views: [path, component, title, group, list].
const idProp = (route) => ({ id: String(route.params.id) });
function detail(path, component, group, listTitle) {
  return {
    path: `${path}/:id`,
    name: `${path}-detail`,
    component,
    props: idProp,
    meta: { title: 'detail.title', group, list: { title: listTitle, to: `/${path}` } },
  };
}
// Lists of the API shown as they come: [path, title, group, hint].
const GENERIC_LISTS = [];
const FLOW_ROUTES = [
  { path: 'problems', name: 'problems', component: ProblemListView, meta: { title: 'menu.problems', group: 'menu.rectification' } },
  detail('problems', ProblemDetailView, 'menu.rectification', 'menu.problems'),
  { path: 'tasks', name: 'tasks', component: TaskBoardView, meta: { title: 'menu.tasks', group: 'menu.rectification' } },
  detail('tasks', TaskDetailView, 'menu.rectification', 'menu.tasks'),
  { path: 'cases', name: 'cases', component: CaseListView, meta: { title: 'menu.cases' } },
  detail('cases', CaseDetailView, null, 'menu.cases'),
  { path: 'letters', name: 'letters', component: LetterListView, meta: { title: 'menu.letters' } },
  { path: 'stats', name: 'stats', component: StatsView, meta: { title: 'menu.stats' } },
  { path: 'import', name: 'import', component: ImportView, meta: { title: 'flow.imports.title', group: 'menu.funds' } },
  { path: 'inspections', name: 'inspections', component: InspectionListView, meta: { title: 'menu.inspections' } },
  detail('inspections', InspectionDetailView, null, 'menu.inspections'),
  { path: 'archives', name: 'archives', component: ArchiveListView, meta: { title: 'menu.archives' } },
  detail('archives', ArchiveDetailView, null, 'menu.archives'),
  { path: 'users', name: 'users', component: UserListView, meta: { title: 'menu.users', group: 'menu.system' } },
  { path: 'shares', name: 'shares', component: SharesView, meta: { title: 'menu.shares', group: 'menu.system' } },
  { path: 'audit', name: 'audit', component: AuditLogView, meta: { title: 'menu.audit', group: null } },
  ...GENERIC_LISTS.map(([path, title, group, hint]) => ({
    path,
    name: path,
    component: GenericListView,
    props: { api: path, titleKey: title, hintKey: hint || '' },
    meta: { title, group },
  })),
  { path: 'clues', name: 'clues', component: ClueListView, meta: { title: 'menu.clueList', group: 'menu.clues' } },
  {
    path: 'clues/:id',
    name: 'clue-detail',
    component: ClueDetailView,
    props: idProp,
    meta: { title: 'detail.title', group: 'menu.clues', list: { title: 'menu.clueList', to: '/clues' } },
  },
  { path: 'transfers', name: 'transfers', component: TransferListView, meta: { title: 'menu.transfers', group: 'menu.clues' } },
  {
    path: 'transfers/:id',
    name: 'transfer-detail',
    component: TransferDetailView,
    props: idProp,
    meta: { title: 'detail.title', group: 'menu.clues', list: { title: 'menu.transfers', to: '/transfers' } },
  },
];

// The public portal (no login): its own layout under /public.
const PUBLIC_ROUTES = {
  path: '/public',
  component: PublicLayout,
  meta: { public: true },
  children: [
    { path: '', name: 'public-disclosure', component: PublicDisclosureView, meta: { public: true, title: 'portal.menu.disclosure' } },
    { path: 'report', name: 'public-report', component: PublicReportView, meta: { public: true, title: 'portal.menu.report' } },
    { path: 'query', name: 'public-query', component: PublicQueryView, meta: { public: true, title: 'portal.menu.query' } },
    { path: 'self-query', name: 'public-self-query', component: PublicSelfQueryView, meta: { public: true, title: 'portal.menu.selfQuery' } },
    { path: 'cases', name: 'public-cases', component: PublicCasesView, meta: { public: true, title: 'portal.menu.cases' } },
  ],
};

// Pages of later issues, shown as "即将提供" for now: [path, title key, group key].
export const PLACEHOLDERS = [];

function collectionRoutes() {
  const routes = [];
  for (const [name, config] of Object.entries(COLLECTIONS)) {
    routes.push({
      path: name,
      name: `${name}-list`,
      component: CollectionListView,
      props: { collection: name },
      meta: { title: config.title, group: config.parent },
    });
    if (!config.noDetail) {
      routes.push({
        path: `${name}/:id`,
        name: `${name}-detail`,
        component: CollectionDetailView,
        props: (route) => ({ collection: name, id: String(route.params.id) }),
        meta: { title: 'detail.title', group: config.parent, list: { title: config.title, to: `/${name}` } },
      });
    }
  }
  return routes;
}

export const routes = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true, title: 'login.title' } },
  PUBLIC_ROUTES,
  {
    path: '/',
    component: AdminLayout,
    children: [
      { path: '', name: 'dashboard', component: DashboardView, meta: { title: 'menu.dashboard' } },
      { path: 'warnings', name: 'warnings-list', component: WarningListView, meta: { title: 'menu.warnings' } },
      {
        path: 'warnings/:id',
        name: 'warnings-detail',
        component: WarningDetailView,
        props: (route) => ({ id: String(route.params.id) }),
        meta: { title: 'detail.title', list: { title: 'menu.warnings', to: '/warnings' } },
      },
      ...FLOW_ROUTES,
      ...collectionRoutes(),
      ...PLACEHOLDERS.map(([path, title, group]) => ({
        path,
        name: path,
        component: PlaceholderView,
        props: { titleKey: title },
        meta: { title, group },
      })),
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: PlaceholderView,
        props: { titleKey: 'detail.notFound', notFound: true },
        meta: { title: 'detail.notFound' },
      },
    ],
  },
];

export function createAppRouter(history = globalThis.window ? createWebHistory('/') : createMemoryHistory()) {
  const router = createRouter({ history, routes, scrollBehavior: () => ({ top: 0 }) });
  router.beforeEach(async (to) => {
    // The public portal never asks the server who is logged in.
    if (to.path === '/public' || to.path.startsWith('/public/')) return true;
    if (!session.checked) await restoreSession();
    if (to.meta.public) {
      if (to.name === 'login' && session.user) return { path: String(to.query.redirect || '/') };
      return true;
    }
    if (!session.user) {
      return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
    }
    return true;
  });
  return router;
}
