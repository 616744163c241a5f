import { useMemo, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import 'antd/dist/antd.css';
import { useMediaQuery } from '../shared/useMediaQuery';
import { FONT_FAMILY } from './font';

// Zero runtime: antd's prebuilt stylesheet instead of styles computed and injected while components first render,
// which was about a sixth of the main thread's work opening a large flow. The tokens below still apply: antd writes
// them as CSS variables, which that stylesheet reads. Stylesheet, locale and theme load with the signed-in shell:
// the login page is plain markup and needs none of them.
const theme = {
  zeroRuntime: true,
  token: { colorPrimary: '#1d5fc1', borderRadius: 6, fontFamily: FONT_FAMILY },
  components: { Layout: { headerBg: '#ffffff', siderBg: '#0f2a52' }, Menu: { darkItemBg: '#0f2a52', darkSubMenuItemBg: '#0c2346' } },
};

const dayjsLocale = (language: string) => (language === 'en' ? 'en' : 'zh-cn');

/** antd's theme and locale (and dayjs's, which antd's date pickers and the pages' times use) for the signed-in pages. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  // Set while rendering, not in an effect: the pages below format times in their first render.
  if (dayjs.locale() !== dayjsLocale(language)) dayjs.locale(dayjsLocale(language));

  // Someone who asked the system for less motion gets dialogs, drawers and menus that appear without zooming or sliding.
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const appTheme = useMemo(() => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reducedMotion]);

  return <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={appTheme}>{children}</ConfigProvider>;
}
