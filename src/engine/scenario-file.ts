/**
 * Parsing and validation of scenario files (contracts/scenario.md), shared by the `sim` command and the
 * browser. A bad scenario is refused whole, with the path of the first bad field and why.
 */
import { z } from './zod';
import { getAlgorithm, observerAlgorithmNames } from './algorithms';
import { ALGORITHM_NAMES, algorithmNameList, CRASH_HOWS, type Action, type AlgorithmName, type CrashHow, type Scenario } from './core/types';

export const MAX_NODES = 101;

const nodeId = z.number().int('must be a whole number').min(1, 'must be a node id (1 or more)');
const nonNegInt = z.number().int('must be a whole number').min(0, 'must be 0 or more');
const at = z.number().min(0, 'must be 0 or more').finite();
const rate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

const latencySchema = z
  .strictObject({ min: nonNegInt, max: nonNegInt })
  .refine((l) => l.min <= l.max, { message: 'min must not exceed max', path: ['max'] });

/** Extension of contracts/scenario.md: how a crash happens (types.ts CrashHow); absent means "kill". */
const how = z
  .enum(CRASH_HOWS as [CrashHow, ...CrashHow[]], 'must be "kill" (the process dies and its connections close at once) or "powerOff" (the host goes dark: peers notice only by their timeouts)')
  .optional();

const actionSchemas = [
  z.strictObject({ at, do: z.literal('crash'), node: nodeId, how }),
  z.strictObject({ at, do: z.literal('revive'), node: nodeId }),
  z.strictObject({ at, do: z.literal('crashLeader'), how }),
  z.strictObject({ at, do: z.literal('partition'), groups: z.array(z.array(nodeId).min(1, 'a group needs at least one node')).min(1, 'needs at least one group') }),
  z.strictObject({ at, do: z.literal('heal') }),
  z.strictObject({ at, do: z.literal('cut'), from: nodeId, to: nodeId, oneWay: z.boolean().optional() }),
  z.strictObject({ at, do: z.literal('restore'), from: nodeId, to: nodeId }),
  z.strictObject({ at, do: z.literal('setDropRate'), rate }),
  z.strictObject({ at, do: z.literal('setLatency'), min: nonNegInt, max: nonNegInt }),
  z.strictObject({ at, do: z.literal('write'), node: nodeId, value: z.union([z.string(), z.number()]) }),
] as const;

const ACTION_NAMES = actionSchemas.map((s) => s.shape.do.value);

const eventSchema = z.discriminatedUnion('do', actionSchemas, {
  error: (iss) =>
    iss.code === 'invalid_union' ? `"do" must be one of ${ACTION_NAMES.join(', ')}` : undefined,
});

/** Extension (src/engine/README.md "Pinned choices"): what the seed would otherwise draw, fixed. */
const pinnedSchema = z.strictObject(
  {
    latencies: z.array(nonNegInt.max(100_000_000, 'must be at most 100000000'), 'must be a list of latencies in ms, one per send').max(1_000_000, 'may pin at most 1000000 sends'),
    lost: z.array(nonNegInt, 'must be a list of send numbers').optional(),
    draws: z.array(z.number('must be a number').finite('must be a finite number'), 'must be a list of numbers').max(1_000_000, 'may pin at most 1000000 draws').optional(),
    sendOrder: z.array(nonNegInt.max(1e15, 'must be at most 1e15'), 'must be a list of whole numbers').optional(),
    timerOrder: z.array(nonNegInt.max(1e15, 'must be at most 1e15'), 'must be a list of whole numbers').optional(),
  },
  'must be an object with "latencies" (and optionally "lost" and "draws")',
);

export const scenarioSchema = z.strictObject({
  version: z.literal(1, 'must be 1 (the only version there is)'),
  algorithm: z.enum(ALGORITHM_NAMES, `must be ${algorithmNameList()}`).optional(),
  nodes: z.number().int('must be a whole number').min(1, `must be between 1 and ${MAX_NODES}`).max(MAX_NODES, `must be between 1 and ${MAX_NODES}`).default(5),
  observers: nonNegInt.max(MAX_NODES, `must be at most ${MAX_NODES}`).default(0),
  seed: z.number().int('must be a whole number').min(0, 'must be between 0 and 4294967295').max(4294967295, 'must be between 0 and 4294967295').default(1),
  network: z
    .strictObject({ latency: latencySchema.default({ min: 10, max: 30 }), dropRate: rate.default(0) })
    .default({ latency: { min: 10, max: 30 }, dropRate: 0 }),
  options: z.record(z.string(), z.unknown()).default({}),
  events: z.array(eventSchema).default([]),
  pinned: pinnedSchema.optional(),
});

export class ScenarioError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = 'ScenarioError';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/** Checks the rules that span fields: node ids exist, events are sorted, groups do not overlap. */
function checkCrossFields(sc: Scenario): void {
  const total = sc.nodes + sc.observers;
  const exists = (id: number, path: string) => {
    if (id > total) {
      const has = sc.observers > 0 ? `nodes 1..${sc.nodes} and observers ${sc.nodes + 1}..${total}` : `nodes 1..${sc.nodes}`;
      throw new ScenarioError(path, `node ${id} does not exist (the cluster has ${has})`);
    }
  };
  let lastAt = 0;
  sc.events.forEach((ev, i) => {
    const p = `events[${i}]`;
    if (ev.at < lastAt) throw new ScenarioError(`${p}.at`, `events must be sorted by "at" (${ev.at} comes after ${lastAt})`);
    lastAt = ev.at;
    checkAction(ev, p, exists);
  });
  const lost = sc.pinned?.lost ?? [];
  lost.forEach((no, i) => {
    const path = `pinned.lost[${i}]`;
    if (no >= sc.pinned!.latencies.length) throw new ScenarioError(path, `send ${no} is not pinned (pinned.latencies names sends 0..${sc.pinned!.latencies.length - 1})`);
    if (i > 0 && no <= lost[i - 1]) throw new ScenarioError(path, 'send numbers must be in ascending order, each once');
  });
  // Two events of one instant cannot share a place in its order.
  const used = new Map<number, string>();
  for (const key of ['sendOrder', 'timerOrder'] as const) {
    (sc.pinned?.[key] ?? []).forEach((v, i) => {
      const path = `pinned.${key}[${i}]`;
      const other = used.get(v);
      if (other !== undefined) throw new ScenarioError(path, `${v} is also ${other}'s number (each event needs its own)`);
      used.set(v, path);
    });
  }
}

function checkAction(a: Action, p: string, exists: (id: number, path: string) => void): void {
  switch (a.do) {
    case 'crash':
    case 'revive':
    case 'write':
      exists(a.node, `${p}.node`);
      break;
    case 'cut':
    case 'restore':
      exists(a.from, `${p}.from`);
      exists(a.to, `${p}.to`);
      if (a.from === a.to) throw new ScenarioError(`${p}.to`, 'a link joins two different nodes');
      break;
    case 'partition': {
      const seen = new Set<number>();
      a.groups.forEach((g, gi) =>
        g.forEach((id, k) => {
          const path = `${p}.groups[${gi}][${k}]`;
          exists(id, path);
          if (seen.has(id)) throw new ScenarioError(path, `node ${id} is in more than one group`);
          seen.add(id);
        }),
      );
      break;
    }
    case 'setLatency':
      if (a.min > a.max) throw new ScenarioError(`${p}.max`, 'min must not exceed max');
      break;
    default:
      break;
  }
}

/** Parses and validates scenario JSON (an object, already decoded). Throws ScenarioError. */
export function parseScenario(input: unknown): Scenario {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ScenarioError('', 'a scenario must be a JSON object');
  }
  const res = scenarioSchema.safeParse(input);
  if (!res.success) {
    const issue = res.error.issues[0];
    throw new ScenarioError(formatPath(issue.path), issue.message);
  }
  const sc = res.data as Scenario;
  checkCrossFields(sc);
  return sc;
}

/** Parses scenario text; a JSON syntax error is reported like any other bad field. */
export function parseScenarioText(text: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError('', `not valid JSON (${(e as Error).message})`);
  }
  return parseScenario(json);
}

/** Is `options` the side-by-side form `{bully: {…}, raft: {…}}`? */
function isPerAlgorithm(options: Record<string, unknown>): boolean {
  const keys = Object.keys(options);
  return keys.length > 0 && keys.every((k) => (ALGORITHM_NAMES as readonly string[]).includes(k));
}

/**
 * The full options of `algorithm` for this scenario: its own entry of a side-by-side options object, or the
 * whole object, validated (unknown keys refused) and merged over the defaults. Also refuses observers for
 * algorithms that have none. Throws ScenarioError.
 */
export function resolveOptions(sc: Scenario, algorithm: AlgorithmName): Record<string, unknown> {
  const alg = getAlgorithm(algorithm);
  if (sc.observers > 0 && !alg.supportsObservers) {
    throw new ScenarioError('observers', `only ${observerAlgorithmNames()} has observers (${algorithm} must have 0)`);
  }
  const perAlg = isPerAlgorithm(sc.options);
  const raw = perAlg ? (sc.options[algorithm] ?? {}) : sc.options;
  const base = perAlg ? `options.${algorithm}` : 'options';
  const res = alg.optionsSchema.safeParse(raw);
  if (!res.success) {
    const issue = res.error.issues[0];
    const path = formatPath(issue.path);
    let reason = issue.message;
    if (issue.code === 'unrecognized_keys') {
      // Options without a default (a teaching switch such as Raft's commitOldTermByCount) are known too.
      const keys = Object.keys(alg.defaultOptions as object);
      const shape = (alg.optionsSchema as { shape?: Record<string, unknown> }).shape;
      for (const k of Object.keys(shape ?? {})) if (!keys.includes(k)) keys.push(k);
      const known = keys.join(', ');
      reason = `unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')} for ${algorithm} (known: ${known})`;
    }
    throw new ScenarioError(path ? `${base}.${path}` : base, reason);
  }
  return { ...(alg.defaultOptions as Record<string, unknown>), ...(res.data as Record<string, unknown>) };
}

/** Validates one action against a cluster, for actions that come from a user rather than a file. */
export function validateAction(action: Action, nodes: number, observers: number): void {
  const total = nodes + observers;
  const parsed = eventSchema.safeParse({ at: 0, ...action });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScenarioError(formatPath(issue.path), issue.message);
  }
  checkAction(action, 'action', (id, path) => {
    if (id > total) throw new ScenarioError(path, `node ${id} does not exist (the cluster has nodes 1..${total})`);
  });
}
