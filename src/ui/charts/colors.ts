/** One colour per algorithm in every chart (Okabe–Ito, like the ring; each profile's `chartColor`), and the theory bands' tint. */
import { PROFILE_LIST } from '../../engine/algorithms/profiles';
import type { AlgorithmName } from '../../engine/core/types';
import { OKABE_ITO } from '../../view/palette';

export const ALG_COLORS: Record<AlgorithmName, string> = Object.fromEntries(PROFILE_LIST.map((p) => [p.name, OKABE_ITO[p.chartColor]])) as Record<AlgorithmName, string>;
