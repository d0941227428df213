/** The searches the explorer lessons run in the Explore screen (a step's "Run the explorer"); their figures are in the step texts and checked by explore-lessons.test.ts. */
import { type ExploreForm, figure8Form } from '../../engine/explore/presets';

const base: ExploreForm = { algorithm: 'raft', nodes: 3, crashes: 0, revives: 0, partitions: 0, drops: 0, writes: 0, maxDepth: 7, maxStates: 1_000_000, splitBrain: true, preemption: false, commitOldTermByCount: false, start: 'boot' };

/** Raft, 3 nodes, one crash, every ordering of up to 7 steps: no violation (137,263 states). */
export const EXPLORE_RAFT_SAFE: ExploreForm = Object.freeze({ ...base, crashes: 1 });

/** Bully, 3 nodes, one partition, depth 10: split brain in 3 steps (302 states). */
export const EXPLORE_BULLY_SPLIT: ExploreForm = Object.freeze({ ...base, algorithm: 'bully', partitions: 1, maxDepth: 10, maxStates: 200_000 });

/** The figure-8 preset with the teaching switch on: R-S4 in 15 steps after the first election. */
export const EXPLORE_FIGURE_8: ExploreForm = Object.freeze(figure8Form(true));
