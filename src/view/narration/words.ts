/**
 * The narration's per-algorithm words (role words, message kinds' labels and purposes), read from the
 * algorithms' view profiles (algorithms/<name>/profile.ts `words`), one table per language. en.ts and zh.ts
 * build their `roles`, `kinds` and `kindPurpose` from here, so a new algorithm adds words in its profile only.
 */
import { PROFILE_LIST, profileOf } from '../../engine/algorithms/profiles';
import type { NarrationWords } from '../../engine/core/profile';
import type { AlgorithmName } from '../../engine/core/types';
import type { Lang } from './types';

/** Role words by algorithm. */
export function roleWords(lang: Lang): Record<AlgorithmName, Record<string, string>> {
  return Object.fromEntries(PROFILE_LIST.map((p) => [p.name, { ...p.words[lang].roles }])) as Record<AlgorithmName, Record<string, string>>;
}

/**
 * Kind labels (the kind itself unless the profile says otherwise) or purposes of every algorithm, in one table
 * (a kind two algorithms share must mean the same: src/ui/profiles.test.ts).
 */
export function kindWords(lang: Lang, table: Exclude<keyof NarrationWords, 'roles'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of PROFILE_LIST) {
    const words = p.words[lang][table] ?? {};
    for (const kind of Object.keys(p.messages)) {
      const w = words[kind] ?? (table === 'kinds' ? kind : undefined);
      if (w !== undefined) out[kind] = w;
    }
  }
  return out;
}

/** The algorithm's shown name (a proper name, the same in every language); the raw name for an unknown one. */
export const displayName = (a: AlgorithmName): string => profileOf(a)?.displayName ?? a;

/** Whether the algorithm runs on the stream transport (a loss is a resend, so a delay). */
export const onStream = (a: AlgorithmName): boolean => profileOf(a)?.crashDiffersFromPowerOff ?? false;
