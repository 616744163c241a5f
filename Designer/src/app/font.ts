/** The app's font stack: antd's theme token and the plain-markup login page (login.css) both use it. */
export const FONT_FAMILY = "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, sans-serif";
