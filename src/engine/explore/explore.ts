/**
 * The explorer: breadth-first search over the transition system of model.ts, with a visited set of 64-bit
 * state fingerprints (hash.ts), bounded by depth and by the number of distinct states. Breadth-first, so the
 * first violation found is one of the shortest: its counterexample has the fewest steps there are.
 *
 * It runs in slices (`run(n)` expands up to n states and returns), so that a Web Worker can report progress
 * and be cancelled between slices; it reads no clock (engine rule): callers time the slices.
 *
 * Memory: the visited set (FingerprintSet: 8 bytes a slot, at most 70 % full), a parent index and a step code
 * per state (8 bytes), and the states of the level being expanded and of the next one (the only full states
 * kept: a counterexample is rebuilt from the step codes by replaying them).
 */
import { getAlgorithm } from '../algorithms';
import type { AnyAlgorithm } from '../core/algorithm';
import { type ExploreConfig, modelConfig } from './config';
import { FingerprintSet } from './hash';
import { Model, type XState } from './model';
import { runPrefix } from './prefix';
import { type Counterexample, counterexample } from './schedule';

export interface ExploreProgress {
  /** Distinct states seen. */
  states: number;
  /** Successors generated (duplicates included). */
  transitions: number;
  /** The level being expanded (steps after boot). */
  depth: number;
  /** States seen but not expanded yet (the rest of this level and the next). */
  frontier: number;
  done: boolean;
}

export interface ExploreResult extends ExploreProgress {
  config: ExploreConfig;
  /** Every state of up to this many steps was seen and checked. */
  completeDepth: number;
  /** Stopped because `maxStates` distinct states were seen. */
  hitStateBound: boolean;
  /** No state had a successor left unseen: the whole reachable space (within the budgets) is covered. */
  exhausted: boolean;
  /** Bytes of the visited set, and of the parent / step tables. */
  visitedBytes: number;
  tableBytes: number;
  counterexample: Counterexample | null;
}

export class Explorer {
  readonly model: Model;
  private readonly visited = new FingerprintSet();
  private parents = new Int32Array(1 << 16);
  private codes = new Int32Array(1 << 16);
  private states = 0;
  private transitions = 0;
  private level: (XState | null)[] = [];
  private next: XState[] = [];
  private pos = 0;
  private depth = 0;
  /** Roots are checked when the explorer is made. */
  private completeDepth = 0;
  /** A new state at the depth bound was seen (and not expanded). */
  private cutByDepth = false;
  private done = false;
  private hitStateBound = false;
  private exhausted = false;
  private found: XState | null = null;
  private cx: Counterexample | null = null;
  /** The parent of the states being emitted. */
  private parentId = -1;
  /** With a prefix (config.prefix): the codes from boot to the start state, which the root's path begins with. */
  private prefixCodes: number[] | null = null;

  /** `algorithm` replaces the registered one of that name (tests explore deliberately broken variants). */
  constructor(
    readonly config: ExploreConfig,
    algorithm: AnyAlgorithm = getAlgorithm(config.algorithm),
  ) {
    this.model = new Model(algorithm, modelConfig(config));
    if (config.prefix && config.prefix.length > 0) {
      // One start state: the boot with every draw at its first value, then the scripted steps (prefix.ts).
      let boot: XState | null = null;
      let bootCode = 0;
      this.model.roots((s, code) => {
        if (boot === null) {
          boot = s;
          bootCode = code;
        }
      });
      const { state, codes } = runPrefix(this.model, boot!, config.prefix);
      this.prefixCodes = [bootCode, ...codes];
      state.depth = 0; // maxDepth counts the steps after the prefix
      this.seen(state, bootCode);
    } else this.model.roots((s, code) => this.seen(s, code));
    this.level = this.next;
    this.next = [];
  }

  /** Expands up to `budget` states; returns where the search stands. */
  run(budget: number): ExploreProgress {
    const emit = (s: XState, code: number) => this.seen(s, code);
    while (budget > 0 && !this.done) {
      if (this.pos >= this.level.length) {
        this.finishLevel();
        continue;
      }
      const s = this.level[this.pos]!;
      this.level[this.pos++] = null; // the level's states go as they are expanded
      this.parentId = s.id;
      this.model.expand(s, emit);
      budget--;
    }
    return this.progress();
  }

  progress(): ExploreProgress {
    return { states: this.states, transitions: this.transitions, depth: this.depth, frontier: this.level.length - this.pos + this.next.length, done: this.done };
  }

  /** Runs to the end. */
  finish(): ExploreResult {
    while (!this.done) this.run(4096);
    return this.result();
  }

  result(): ExploreResult {
    if (this.found && !this.cx) this.cx = counterexample(this.model, this.config, this.pathTo(this.found.id)).counterexample;
    return {
      ...this.progress(),
      config: this.config,
      completeDepth: this.completeDepth,
      hitStateBound: this.hitStateBound,
      exhausted: this.exhausted,
      visitedBytes: this.visited.bytes,
      tableBytes: this.parents.byteLength + this.codes.byteLength,
      counterexample: this.cx,
    };
  }

  /** The step codes from a root to state `id`, the boot's first. */
  pathTo(id: number): number[] {
    const out: number[] = [];
    let i = id;
    for (; this.parents[i] >= 0; i = this.parents[i]) out.push(this.codes[i]);
    if (this.prefixCodes) out.push(...[...this.prefixCodes].reverse());
    else out.push(this.codes[i]);
    return out.reverse();
  }

  /** Level `depth` is expanded: every state of up to depth + 1 steps has been seen and checked. */
  private finishLevel(): void {
    this.completeDepth = this.depth + 1;
    if (this.next.length === 0) {
      this.exhausted = !this.cutByDepth;
      this.done = true;
      return;
    }
    this.level = this.next;
    this.next = [];
    this.pos = 0;
    this.depth++;
  }

  private seen(s: XState, code: number): void {
    if (this.done) return;
    this.transitions++;
    if (!this.visited.add(s.fa, s.fb)) return;
    const id = this.states++;
    if (id >= this.parents.length) {
      const p = new Int32Array(this.parents.length * 2);
      p.set(this.parents);
      this.parents = p;
      const c = new Int32Array(this.codes.length * 2);
      c.set(this.codes);
      this.codes = c;
    }
    this.parents[id] = this.parentId;
    this.codes[id] = code;
    s.id = id;
    if (s.violation) {
      this.found = s;
      this.done = true;
      return;
    }
    if (this.states >= this.config.maxStates) {
      this.hitStateBound = true;
      this.done = true;
      return;
    }
    if (s.depth < this.config.maxDepth) this.next.push(s);
    else this.cutByDepth = true;
  }
}

/** Explores to the end (tests, the CLI). */
export function explore(config: ExploreConfig, algorithm?: AnyAlgorithm): ExploreResult {
  return new Explorer(config, algorithm).finish();
}
