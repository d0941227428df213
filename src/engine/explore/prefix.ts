/**
 * Start states (README "Explore"): a scripted prefix of steps, each resolved to the step the search itself
 * would take there. Resolving by enumeration (the successors `Model.expand` generates) is what makes a prefix
 * sound: every prefix is a path of the same transition system, under the same time model and budgets, so a
 * state found from its end is reachable from the cluster's start, and a counterexample's schedule is the
 * prefix's codes followed by the search's, replayed from boot like any other.
 */
import type { PrefixStep } from './config';
import { codeIndex, codeKind, codeVariant, type Model, S_CRASH, S_DELIVER, S_DROP, S_HEAL, S_PARTITION, S_POWEROFF, S_REVIVE, S_TIMER, S_WRITE, type XState } from './model';

/** A bad prefix step: its place and why (the CLI and the dialog name the field `prefix[i]`). */
export class PrefixError extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(`prefix[${index}]: ${message}`);
  }
}

/** Whether step code `code` from state `s` is the described step. */
function matches(model: Model, s: XState, code: number, step: PrefixStep): boolean {
  const kind = codeKind(code);
  const i = codeIndex(code);
  const variant = 'variant' in step ? (step.variant ?? 0) : 0;
  if (codeVariant(code) !== variant) return false;
  switch (step.type) {
    case 'timer': {
      if (kind !== S_TIMER) return false;
      const node = s.nodes[i >> 8];
      return node.id === step.node && (step.name === undefined || node.timers[i & 255].name === step.name);
    }
    case 'deliver':
    case 'drop': {
      if (kind !== (step.type === 'deliver' ? S_DELIVER : S_DROP)) return false;
      const env = s.msgs[i].env;
      return env.from === step.from && env.to === step.to && env.kind === step.kind;
    }
    case 'crash':
      return (kind === S_CRASH || kind === S_POWEROFF) && i === step.node && (kind === S_CRASH || !model.stream);
    case 'revive':
      return kind === S_REVIVE && i === step.node;
    case 'write':
      return kind === S_WRITE && i === step.node;
    case 'partition': {
      if (kind !== S_PARTITION) return false;
      const key = (g: number[][]) => g.map((x) => [...x].sort((a, b) => a - b).join(',')).sort().join('|');
      return key(model.splits[i].groups) === key(step.groups);
    }
    case 'heal':
      return kind === S_HEAL;
  }
}

function describe(step: PrefixStep): string {
  switch (step.type) {
    case 'timer':
      return `timer${step.name ? ` ${step.name}` : ''} of node ${step.node}`;
    case 'deliver':
    case 'drop':
      return `${step.type} ${step.kind} ${step.from}→${step.to}`;
    case 'partition':
      return `partition ${JSON.stringify(step.groups)}`;
    case 'heal':
      return 'heal';
    default:
      return `${step.type} of node ${step.node}`;
  }
}

/**
 * The state the prefix reaches from `root` and the step codes it took (the root's own code not included).
 * Stops early at a state that violates a property: the search then reports it as it is.
 */
export function runPrefix(model: Model, root: XState, steps: readonly PrefixStep[]): { state: XState; codes: number[] } {
  let s = root;
  const codes: number[] = [];
  steps.forEach((step, k) => {
    if (s.violation) return;
    let next: XState | null = null;
    let code = -1;
    model.expand(s, (c, cd) => {
      if (next === null && matches(model, s, cd, step)) {
        next = c;
        code = cd;
      }
    });
    if (next === null) throw new PrefixError(k, `${describe(step)} is not a step the search could take there (not due, not in flight, over a budget, or a delivery that changes nothing)`);
    codes.push(code);
    s = next;
  });
  return { state: s, codes };
}
