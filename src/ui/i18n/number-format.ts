/**
 * Number formatting with one Intl.NumberFormat per language: `toLocaleString` builds a new formatter on every
 * call, which cost the compare screen about 5 % of the main thread (its clocks and metric cards redraw each frame).
 */
const EN = new Intl.NumberFormat('en-US');
const ZH = new Intl.NumberFormat('zh-CN');

/** 12,345 */
export const fmtEn = (n: number): string => EN.format(n);
/** 12,345 (zh-CN groups the same way) */
export const fmtZh = (n: number): string => ZH.format(n);
