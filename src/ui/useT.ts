import { DICTS, type Dict } from './i18n';
import { useApp } from './useApp';

const selectLang = (s: { lang: 'en' | 'zh' }) => s.lang;

/** The dictionary of the current language. */
export function useT(): Dict {
  return DICTS[useApp(selectLang)];
}
