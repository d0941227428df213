/** Both dictionaries have exactly the same keys, at every depth, and the same shapes (issue 8). */
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';

type Shape = string | { [k: string]: Shape };

/** The dictionary's structure: every key path with its kind (string, function with its arity, list). */
function shape(v: unknown): Shape {
  if (typeof v === 'function') return `function/${v.length}`;
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), shape(x)]));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, shape((v as Record<string, unknown>)[k])]));
  return typeof v;
}

function strings(v: unknown, path = ''): [string, string][] {
  if (typeof v === 'string') return [[path, v]];
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, `${path}.${k}`));
  return [];
}

describe('UI dictionaries', () => {
  it('en and zh have the same keys and shapes', () => {
    expect(shape(zh)).toEqual(shape(en));
  });

  it('no string is empty', () => {
    for (const [path, s] of [...strings(en, 'en'), ...strings(zh, 'zh')]) expect(s.trim(), path).not.toBe('');
  });

  it('the Chinese strings are translated (no sentence left in English)', () => {
    // A Chinese string may keep names (Raft, ZAB, Alive, Page Down…), but not an English sentence.
    const english = strings(zh, 'zh').filter(([, s]) => /[A-Za-z]{3,}(\s+[A-Za-z]{2,}){3,}/.test(s));
    expect(english).toEqual([]);
  });

  it('the functions give text in both languages', () => {
    expect(zh.teach.stepOf(2, 5)).toMatch(/第 2 步/);
    expect(en.teach.stepOf(2, 5)).toBe('Step 2 of 5');
  });
});
