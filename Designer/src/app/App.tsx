import { useTranslation } from 'react-i18next';

/** Placeholder shell: the web-app work replaces it with the routed layout. */
export function App() {
  const { t } = useTranslation();
  return <h1>{t('app.title')}</h1>;
}
