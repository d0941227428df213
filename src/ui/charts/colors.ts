/** One colour per algorithm in every chart (Okabe–Ito, like the ring), and the theory bands' tint. */
import type { AlgorithmName } from '../../engine/core/types';
import { OKABE_ITO } from '../../view/palette';

export const ALG_COLORS: Record<AlgorithmName, string> = {
  bully: OKABE_ITO.orange,
  raft: OKABE_ITO.blue,
  zab: OKABE_ITO.green,
};
