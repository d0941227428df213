/**
 * Narration: every trace event as one plain-language sentence, in English and Chinese (issue 6).
 * Framework-free; imports engine types only.
 */
export type { Lang, Narration, NarrationCategory, Importance, Texts } from './types';
export { LANGS, NARRATION_CATEGORIES } from './types';
export { Narrator, narrateTrace, roleName, kindName, kindPurpose, DICTIONARIES } from './narrator';
export type { Line as RawNarration } from './narrator';
export { filterNarrations, matchesFilter, type NarrationFilter } from './filter';
export type { Dictionary } from './en';
