/**
 * The `sim` command (contracts/sim-cli-and-trace.md): the same engine as the browser's worker, under Node.
 * `main` takes its arguments and its I/O as parameters so tests can run it in-process; `sim.ts` wires it
 * to the real process.
 */
import { parseArgs } from 'node:util';
import { runBatch, summarize } from '../engine/batch';
import { EXPLORE_LIMITS, type ExploreConfig, parseExploreConfig } from '../engine/explore/config';
import { explore } from '../engine/explore/explore';
import { PrefixError } from '../engine/explore/prefix';
import { EXPLORE_PRESETS, figure8Config } from '../engine/explore/presets';
import { ALGORITHM_NAMES, type AlgorithmName, type Scenario, type TraceEvent } from '../engine/core/types';
import { createSimulation, defaultScenario } from '../engine/run';
import { MAX_NODES, parseScenario, parseScenarioText, resolveOptions, ScenarioError } from '../engine/scenario-file';
import { formatBatch, formatSummary } from './format';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
}

export const USAGE = `Usage: npm run --silent sim -- [options]

Runs one election simulation (or a batch of them) and prints what happened.

Options:
  ${`--algorithm ${ALGORITHM_NAMES.join('|')}`.padEnd(28)} the algorithm (overrides the scenario's)
  --scenario FILE              a scenario file (contracts/scenario.md); default: no events
  --nodes N                    voting members, 1..${MAX_NODES} (default: scenario's, else 5)
  --observers K                ZAB observers (default: scenario's, else 0)
  --seed S                     seed of the run's random generator, 0..4294967295 (default: scenario's, else 1)
  --drop-rate R                probability that a message is lost, 0..1 (default: scenario's, else 0)
  --latency MIN:MAX            message delay range in virtual ms (default: scenario's, else 10:30)
  --option KEY=VALUE           one algorithm option, repeatable (e.g. --option preVote=true)
  --until MS                   virtual milliseconds to simulate (default 10000)
  --format summary|jsonl|json  summary table, the whole trace one event a line, or the closing event
  --batch K                    run seeds S..S+K-1 and print statistics over the runs
  --check                      exit 1 when a run broke a guarantee of its algorithm
  --help                       print this help

Exploring every interleaving (a model checker; prints one JSON object):
  --explore                    search every order of deliveries, timeouts and faults, breadth-first
  --algorithm, --nodes N, --option KEY=VALUE   as above (N is ${EXPLORE_LIMITS.nodes[0]}..${EXPLORE_LIMITS.nodes[1]}, default 3)
  --crashes C, --revives R     faults allowed (default 0 each)
  --partitions P               partitions into two groups allowed (default 0; a heal is always allowed)
  --drops D, --writes W        messages the network may lose, client writes (default 0 each)
  --timeouts T                 timer firings allowed (default ${EXPLORE_LIMITS.timeouts[1]}: in effect no bound)
  --depth D                    steps after boot (default 20)
  --max-states S               stop after S distinct states (default 1000000)
  --draws K                    values each random draw may take, 1..4 (default 2: Raft's timeout min and max)
  --preemption                 also a violation: a running cluster leader replaced by another (flapping)
  --no-split-brain             split brain (the kernel's anomaly) is not a violation
  --anomaly KIND               an algorithm's anomaly kind that counts as a violation, repeatable
  --loss-at-timeout            a message still in flight when a timer fires is lost (a smaller model)
  --preset figure-8            Raft n = 3 from a scripted first election, bounds that reach Figure 8
                               (README); add --option commitOldTermByCount=true for the teaching switch;
                               the flags above override the preset's values
  With --explore, exit status 1 means a counterexample was found (always checked, as with --check); its
  "scenario" replays it on the ring or with --scenario.

Exit status: 0 ran; 1 --check found a violation (or --explore a counterexample); 2 bad input.
Examples:
  npm run --silent sim -- --algorithm bully --nodes 7 --seed 3 --format jsonl
  npm run --silent sim -- --algorithm raft --option preVote=true --batch 200
  npm run --silent sim -- --explore --algorithm bully --nodes 3 --partitions 1
  npm run --silent sim -- --explore --preset figure-8 --option commitOldTermByCount=true`;

/** A bad-input error: printed as one line, exit status 2. */
class UsageError extends Error {}

type Format = 'summary' | 'jsonl' | 'json';

interface Parsed {
  help: boolean;
  explore?: ExploreConfig;
  scenario: Scenario;
  algorithm: AlgorithmName;
  untilMs: number;
  format: Format;
  batch: number | null;
  check: boolean;
}

function int(name: string, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`${name}: "${text}" is not a whole number`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`${name}: ${n} is out of range (${min}..${max})`);
  return n;
}

function num(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${name}: "${text}" is not a number`);
  if (n < min || n > max) throw new UsageError(`${name}: ${n} is out of range (${min}..${max})`);
  return n;
}

/** An option value: JSON where it parses (true, 12, "x"), else the raw text. */
function optionValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `--seed -3` would read as two options; glue a negative number to its option (`--seed=-3`). */
function glueNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (argv[i].startsWith('--') && !argv[i].includes('=') && next !== undefined && /^-\d/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

function parse(argv: string[], io: CliIO): Parsed {
  let values;
  try {
    ({ values } = parseArgs({
      args: glueNegativeValues(argv),
      strict: true,
      allowPositionals: false,
      options: {
        algorithm: { type: 'string' },
        scenario: { type: 'string' },
        nodes: { type: 'string' },
        observers: { type: 'string' },
        seed: { type: 'string' },
        'drop-rate': { type: 'string' },
        latency: { type: 'string' },
        option: { type: 'string', multiple: true },
        until: { type: 'string' },
        format: { type: 'string' },
        batch: { type: 'string' },
        check: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        explore: { type: 'boolean' },
        crashes: { type: 'string' },
        revives: { type: 'string' },
        partitions: { type: 'string' },
        drops: { type: 'string' },
        writes: { type: 'string' },
        timeouts: { type: 'string' },
        depth: { type: 'string' },
        'max-states': { type: 'string' },
        draws: { type: 'string' },
        preemption: { type: 'boolean' },
        'no-split-brain': { type: 'boolean' },
        anomaly: { type: 'string', multiple: true },
        'loss-at-timeout': { type: 'boolean' },
        preset: { type: 'string' },
      },
    }));
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new UsageError(`${unknown[1]}: unknown option (see --help)`);
    const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(msg);
    if (missing) throw new UsageError(`${missing[1].replace(/^-\w, /, '')}: needs a value`);
    const positional = /Unexpected argument '([^']+)'/.exec(msg);
    if (positional) throw new UsageError(`"${positional[1]}": unexpected argument (options start with --; see --help)`);
    throw new UsageError(msg.split('\n')[0]);
  }
  if (values.help) {
    return { help: true, scenario: defaultScenario(), algorithm: 'bully', untilMs: 0, format: 'summary', batch: null, check: false };
  }
  const exploreOnly = ['crashes', 'revives', 'partitions', 'drops', 'writes', 'timeouts', 'depth', 'max-states', 'draws', 'preemption', 'no-split-brain', 'anomaly', 'loss-at-timeout', 'preset'] as const;
  if (values.explore) return { help: false, scenario: defaultScenario(), algorithm: 'bully', untilMs: 0, format: 'json', batch: null, check: true, explore: parseExplore(values) };
  for (const k of exploreOnly) if (values[k] !== undefined) throw new UsageError(`--${k}: only with --explore`);

  let raw: Record<string, unknown> = { version: 1 };
  if (values.scenario !== undefined) {
    let text: string;
    try {
      text = io.readFile(values.scenario);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`--scenario: cannot read "${values.scenario}"${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`);
    }
    try {
      raw = parseScenarioText(text) as unknown as Record<string, unknown>;
    } catch (e) {
      if (e instanceof ScenarioError) throw new UsageError(`${values.scenario}: ${e.message}`);
      throw e;
    }
  }

  if (values.algorithm !== undefined) {
    if (!(ALGORITHM_NAMES as readonly string[]).includes(values.algorithm)) {
      throw new UsageError(`--algorithm: "${values.algorithm}" is not one of ${ALGORITHM_NAMES.join(', ')}`);
    }
    raw.algorithm = values.algorithm;
  }
  if (values.nodes !== undefined) raw.nodes = int('--nodes', values.nodes, 1, MAX_NODES);
  if (values.observers !== undefined) raw.observers = int('--observers', values.observers, 0, MAX_NODES);
  if (values.seed !== undefined) raw.seed = int('--seed', values.seed, 0, 4294967295);
  const network = { latency: { min: 10, max: 30 }, dropRate: 0, ...(raw.network as object | undefined) };
  if (values['drop-rate'] !== undefined) network.dropRate = num('--drop-rate', values['drop-rate'], 0, 1);
  if (values.latency !== undefined) {
    const m = /^(\d+):(\d+)$/.exec(values.latency.trim());
    if (!m) throw new UsageError(`--latency: "${values.latency}" is not MIN:MAX in whole milliseconds (e.g. 10:30)`);
    const [min, max] = [Number(m[1]), Number(m[2])];
    if (min > max) throw new UsageError(`--latency: MIN (${min}) must not exceed MAX (${max})`);
    network.latency = { min, max };
  }
  raw.network = network;

  const algorithm = (raw.algorithm as AlgorithmName | undefined) ?? null;
  if (!algorithm) throw new UsageError(`--algorithm: no algorithm given (use --algorithm ${ALGORITHM_NAMES.join('|')}, or a scenario that names one)`);

  let scenario: Scenario;
  try {
    scenario = parseScenario(raw);
  } catch (e) {
    if (e instanceof ScenarioError) {
      const where = values.scenario !== undefined ? `${values.scenario}: ` : '';
      throw new UsageError(`${where}${e.message}`);
    }
    throw e;
  }

  if (values.option?.length) {
    const opts = keyValues(values.option);
    try {
      resolveOptions({ ...scenario, options: opts }, algorithm);
    } catch (e) {
      if (e instanceof ScenarioError) throw new UsageError(`--option ${e.message.replace(/^options\.?/, '').replace(/^: /, '')}`);
      throw e;
    }
    const perAlg = Object.keys(scenario.options).some((k) => (ALGORITHM_NAMES as readonly string[]).includes(k));
    scenario = perAlg
      ? { ...scenario, options: { ...scenario.options, [algorithm]: { ...(scenario.options[algorithm] as object), ...opts } } }
      : { ...scenario, options: { ...scenario.options, ...opts } };
  }
  try {
    resolveOptions(scenario, algorithm);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    if (e.path === 'observers' && values.observers !== undefined) throw new UsageError(`--observers: ${e.reason}`);
    throw new UsageError(values.scenario !== undefined ? `${values.scenario}: ${e.message}` : e.message);
  }

  const untilMs = values.until !== undefined ? int('--until', values.until, 0, 100_000_000) : 10_000;
  const format = (values.format ?? 'summary') as Format;
  if (!['summary', 'jsonl', 'json'].includes(format)) {
    throw new UsageError(`--format: "${values.format}" is not one of summary, jsonl, json`);
  }
  const batch = values.batch !== undefined ? int('--batch', values.batch, 1, 1_000_000) : null;
  return { help: false, scenario, algorithm, untilMs, format, batch, check: values.check ?? false };
}

type Values = Record<string, string | boolean | string[] | undefined>;

/** The `--explore` options as an exploration config (engine/explore/config.ts validates the rest). */
function parseExplore(values: Values): ExploreConfig {
  for (const k of ['scenario', 'observers', 'seed', 'drop-rate', 'latency', 'until', 'format', 'batch'] as const) {
    if (values[k] !== undefined) throw new UsageError(`--${k}: not used with --explore (it explores every order, seeds and latencies included)`);
  }
  let raw: Record<string, unknown>;
  if (typeof values.preset === 'string') {
    if (values.preset !== 'figure-8') throw new UsageError(`--preset: "${values.preset}" is not one of ${EXPLORE_PRESETS.join(', ')}`);
    raw = { ...figure8Config(false) };
    if (values.algorithm !== undefined && values.algorithm !== 'raft') throw new UsageError('--algorithm: the figure-8 preset explores raft');
  } else {
    if (values.algorithm === undefined) throw new UsageError(`--algorithm: no algorithm given (use --algorithm ${ALGORITHM_NAMES.join('|')})`);
    raw = { algorithm: values.algorithm };
  }
  const ints: [string, keyof typeof EXPLORE_LIMITS][] = [
    ['nodes', 'nodes'],
    ['crashes', 'crashes'],
    ['revives', 'revives'],
    ['partitions', 'partitions'],
    ['drops', 'drops'],
    ['writes', 'writes'],
    ['timeouts', 'timeouts'],
    ['depth', 'maxDepth'],
    ['max-states', 'maxStates'],
    ['draws', 'draws'],
  ];
  for (const [flag, key] of ints) {
    const v = values[flag];
    if (typeof v === 'string') raw[key] = int(`--${flag}`, v, EXPLORE_LIMITS[key][0], EXPLORE_LIMITS[key][1]);
  }
  if (values.preemption) raw.preemption = true;
  if (values['no-split-brain']) raw.splitBrain = false;
  if (Array.isArray(values.anomaly)) raw.anomalies = values.anomaly;
  if (values['loss-at-timeout']) raw.lossAtTimeout = true;
  if (Array.isArray(values.option)) raw.options = { ...(raw.options as Record<string, unknown> | undefined), ...keyValues(values.option) };
  try {
    return parseExploreConfig(raw);
  } catch (e) {
    if (e instanceof ScenarioError) {
      if (e.path.startsWith('options')) throw new UsageError(`--option ${e.message.replace(/^options\.?/, '').replace(/^: /, '')}`);
      throw new UsageError(e.path === 'algorithm' ? `--algorithm: "${values.algorithm}" is not one of ${ALGORITHM_NAMES.join(', ')}` : e.message);
    }
    throw e;
  }
}

function keyValues(list: string[]): Record<string, unknown> {
  const opts: Record<string, unknown> = {};
  for (const kv of list) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`--option: "${kv}" is not KEY=VALUE`);
    opts[kv.slice(0, eq)] = optionValue(kv.slice(eq + 1));
  }
  return opts;
}

/** Runs the command; returns the exit status. */
export function main(argv: string[], io: CliIO): number {
  let p: Parsed;
  try {
    p = parse(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`sim: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (p.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (p.explore) return runExploreCommand(p.explore, io);
  return p.batch !== null ? runBatchCommand(p, io) : runOneCommand(p, io);
}

function runOneCommand(p: Parsed, io: CliIO): number {
  let violations = 0;
  const buffer: string[] = [];
  let anomalies = 0;
  const flush = () => {
    if (buffer.length) io.stdout(buffer.join(''));
    buffer.length = 0;
  };
  const sink = (e: TraceEvent) => {
    if (e.type === 'violation') violations++;
    if (e.type === 'anomaly') anomalies++;
    if (p.format === 'jsonl') {
      buffer.push(`${JSON.stringify(e)}\n`);
      if (buffer.length >= 4096) flush();
    } else if (p.format === 'json' && e.type === 'end') {
      buffer.push(`${JSON.stringify(e)}\n`);
    }
  };
  const sim = createSimulation(p.scenario, { algorithm: p.algorithm, check: p.check, sink });
  const stats = sim.finish(p.untilMs);
  if (p.format === 'summary') {
    buffer.push(formatSummary({ scenario: p.scenario, algorithm: p.algorithm, untilMs: p.untilMs, stats, violations, anomalies, checked: p.check }));
  }
  flush();
  return p.check && violations > 0 ? 1 : 0;
}

function runExploreCommand(config: ExploreConfig, io: CliIO): number {
  let r: ReturnType<typeof explore>;
  try {
    r = explore(config);
  } catch (e) {
    if (!(e instanceof PrefixError)) throw e;
    io.stderr(`sim: ${e.message}\n`);
    return 2;
  }
  const { counterexample, ...figures } = r;
  const out = {
    type: 'explore',
    outcome: counterexample ? 'counterexample' : 'no violation',
    ...figures,
    counterexample,
  };
  io.stdout(`${JSON.stringify(out)}\n`);
  return counterexample ? 1 : 0;
}

function runBatchCommand(p: Parsed, io: CliIO): number {
  const runs = runBatch(p.scenario, p.batch ?? 1, p.untilMs, {
    algorithm: p.algorithm,
    check: p.check,
    onRun: (r) => {
      if (p.format === 'jsonl') io.stdout(`${JSON.stringify({ type: 'run', seed: r.seed, messagesToElect: r.messagesToElect, violations: r.violations, anomalies: r.anomalies, stats: r.stats })}\n`);
    },
  });
  const stats = summarize(runs);
  if (p.format === 'summary') io.stdout(formatBatch({ scenario: p.scenario, algorithm: p.algorithm, untilMs: p.untilMs, stats }));
  else io.stdout(`${JSON.stringify({ type: 'batch', algorithm: p.algorithm, nodes: p.scenario.nodes, untilMs: p.untilMs, ...stats })}\n`);
  return p.check && stats.violations > 0 ? 1 : 0;
}
