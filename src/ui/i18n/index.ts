import { en, type Dict } from './en';
import { zh } from './zh';
import type { Lang } from '../../store/url-params';

export const DICTS: Record<Lang, Dict> = { en, zh };
export type { Dict };
