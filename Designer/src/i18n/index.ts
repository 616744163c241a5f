import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { mergeLocales } from './mergeLocales';

export type Language = 'zh-CN' | 'en';

// Each feature folder keeps its strings beside it in locales/zh-CN.json and locales/en.json.
const zh = mergeLocales(import.meta.glob<Record<string, string>>('../**/locales/zh-CN.json', { eager: true, import: 'default' }));
const en = mergeLocales(import.meta.glob<Record<string, string>>('../**/locales/en.json', { eager: true, import: 'default' }));

const stored = (typeof localStorage !== 'undefined' && localStorage.getItem('gridcase.lang')) as Language | null;

// Chinese first: a new visitor sees zh-CN; the switch in the header remembers English per browser.
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
  lng: stored ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  // Keys contain dots ("menu.inbox"); they are flat keys, not paths.
  keySeparator: false,
  interpolation: { escapeValue: false },
});

export function setLanguage(lang: Language) {
  localStorage.setItem('gridcase.lang', lang);
  void i18n.changeLanguage(lang);
}

export default i18n;
