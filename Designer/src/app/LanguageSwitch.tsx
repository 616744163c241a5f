import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

const languages: { value: Language; label: string }[] = [{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'EN' }];

/** 中文 / EN, on the login page and in the header; plain markup (app.css), so the login page needs no antd for it. */
export function LanguageSwitch({ testId }: { testId?: string }) {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <div className="gc-lang-switch" role="group" aria-label={t('app.language')} data-testid={testId}>
      {languages.map((l) => (
        <button key={l.value} type="button" aria-pressed={l.value === current} onClick={() => setLanguage(l.value)}>{l.label}</button>
      ))}
    </div>
  );
}
