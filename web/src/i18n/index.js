// vue-i18n set-up: Simplified Chinese first, English switchable; the choice is remembered in
// localStorage and applied to Element Plus through ElConfigProvider (App.vue).
import { createI18n } from 'vue-i18n';
import zhCN from './zh-CN.js';
import en from './en.js';

export const LOCALES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
];

const STORAGE_KEY = 'sunlight.locale';

function initialLocale() {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (LOCALES.some((l) => l.code === saved)) return saved;
  } catch {
    // Storage may be unavailable (private mode): fall back to Chinese.
  }
  return 'zh-CN';
}

export const messages = { 'zh-CN': zhCN, en };

export function createAppI18n(locale = initialLocale()) {
  return createI18n({
    legacy: false,
    globalInjection: true,
    locale,
    fallbackLocale: 'zh-CN',
    messages,
  });
}

export const i18n = createAppI18n();

export function setLocale(code) {
  i18n.global.locale.value = code;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, code);
  } catch {
    // Not remembered; still switched for this page.
  }
  if (globalThis.document) document.documentElement.lang = code;
}
