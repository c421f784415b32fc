// Entry point: Vue + Element Plus + vue-router + vue-i18n.
import { createApp } from 'vue';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import * as Icons from '@element-plus/icons-vue';
import App from './App.vue';
import { i18n } from './i18n/index.js';
import { createAppRouter } from './router/index.js';
import { setUnauthenticatedHandler } from './api/client.js';
import { forgetSession } from './api/session.js';
import './styles.css';

const router = createAppRouter();

// A 401 from any list or record means the session has ended: back to the login page.
setUnauthenticatedHandler(() => {
  forgetSession();
  const current = router.currentRoute.value;
  if (current.name !== 'login') {
    router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
  }
});

const app = createApp(App);
for (const [name, component] of Object.entries(Icons)) app.component(name, component);
app.use(ElementPlus).use(i18n).use(router);
document.documentElement.lang = i18n.global.locale.value;
app.mount('#app');
