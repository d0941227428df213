import { profileOf } from '../engine/algorithms/profiles';
import type { AlgorithmName } from '../engine/core/types';

/**
 * Algorithms on the kernel's stream transport (their `transport()` says 'stream': ZAB, as ZooKeeper runs on TCP).
 * Only there is a killed process (its connections reset, seen at once) different from a power-off (silence,
 * seen at a timeout), so only there does the node menu offer both. Read from the view profile
 * (`crashDiffersFromPowerOff`) so the page need not load the engines; transport.test.ts checks it against the registry.
 */
export const crashDiffersFromPowerOff = (algorithm: AlgorithmName): boolean => profileOf(algorithm)?.crashDiffersFromPowerOff ?? false;
