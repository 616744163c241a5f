/** Merges per-feature locale files into one table; a key defined twice is a mistake worth failing on. */
export function mergeLocales(files: Record<string, Record<string, string>>): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [file, table] of Object.entries(files)) {
    for (const [key, value] of Object.entries(table)) {
      if (key in merged) throw new Error(`i18n key ${key} is defined twice (again in ${file})`);
      merged[key] = value;
    }
  }
  return merged;
}
