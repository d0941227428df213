/**
 * Narrator: turns a run's trace, event by event, into plain-language lines (types.ts), in English and Chinese.
 * It keeps what a sentence needs from earlier events: the algorithm (init), every node's previous view (state),
 * messages in flight by id (so a deliver/drop can say what it was), and the step in progress (the message a node
 * is handling), so a state change is explained by what changed and why. Rule ids cite /work/shared/protocols.md.
 *
 * Usage (one Narrator per run, fed in trace order):
 *   const n = new Narrator();
 *   for (const ev of events) lines.push(...n.feed(ev));
 *   lines.push(...n.flush());            // at the end of a batch: releases a pending broadcast group
 *
 * A node's consecutive sends of one kind in one step (a broadcast) become one line; that is why `feed` returns
 * a list (0–2 lines) and may return the line of the previous events. When the node's state change follows its
 * sends (e.g. a new candidate and its RequestVotes), the explanation comes first and the sends line is routine.
 */
import type { AlgorithmName, NodeId, TraceEvent } from '../../engine/core/types';
import { crashDiffersFromPowerOff } from '../transport';
import { NARRATIONS } from './algorithms';
import { en, type Dictionary } from './en';
import {
  kindLabel,
  num,
  roleLabel,
  valueText,
  type AlgorithmNarration,
  type Group,
  type Line,
  type NarrationContext,
  type NoteKey,
  type Say,
  type SendEvent,
  type Sent,
  type StateEvent,
  type Step,
} from './plugin';
import { zh } from './zh';
import type { Importance, Lang, Narration, NarrationCategory, Texts } from './types';

export type { Line };

export const DICTIONARIES: Record<Lang, Dictionary> = { en, zh };

type Fields = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyNarration = AlgorithmNarration<any>;
const ALL_NARRATIONS = Object.entries(NARRATIONS) as [AlgorithmName, AnyNarration][];

/**
 * The narrator is generic; what needs an algorithm's rules comes from its narration module (./algorithms,
 * plugin.ts), looked up by the algorithm's name on every use (the narrator is copied with structuredClone for
 * checkpoints, so it holds the modules' memories, plain data, and never the modules themselves).
 */
export class Narrator implements NarrationContext {
  private algorithm: AlgorithmName | null = null;
  voters: NodeId[] = [];
  observers: NodeId[] = [];
  options: Fields = {};
  views = new Map<NodeId, StateEvent>();
  private inFlight = new Map<number, Sent>();
  private step: Step | null = null;
  private pending: Group | null = null;
  private index = -1;
  seen = new Set<string>();
  /** Each narration module's memory for this run, by algorithm name (made on first use). */
  private memories: Record<string, unknown> = {};

  /** Feeds the next trace event; returns the lines that are now complete (0–2). */
  feed(ev: TraceEvent): Narration[] {
    return this.feedRaw(ev).map((l) => this.render(l));
  }

  /**
   * As `feed`, but the lines are not put into words yet: a caller that shows only some of them (the worker
   * sends the page a bounded tail) renders those with `render` and saves the rest of the work.
   */
  feedRaw(ev: TraceEvent): Line[] {
    this.index += 1;
    const out: Line[] = [];
    if (ev.type === 'send' && this.pending && this.pending.t === ev.t && this.pending.from === ev.from && this.pending.kind === ev.kind) {
      this.pending.sends.push(ev);
      this.track(ev);
      return [];
    }
    const group = this.pending ? this.groupLine(this.pending) : null;
    if (group) group.kind = this.pending?.kind;
    const groupNode = this.pending?.from;
    this.pending = null;
    let line: Line | null = null;
    if (ev.type === 'send') {
      this.openStep(ev.from, ev.t);
      this.pending = { index: this.index, t: ev.t, from: ev.from, kind: ev.kind, sends: [ev], step: this.step, before: this.views.get(ev.from) };
      this.track(ev);
    } else {
      line = this.eventLine(ev);
    }
    if (group && line && ev.type === 'state' && ev.node === groupNode && line.importance >= 1 && group.kind !== undefined && this.explainedByState(group.kind)) {
      // The state change explains the broadcast that caused it: explanation first, the sends become routine.
      group.importance = 0;
      out.push(line, group);
    } else {
      if (group) out.push(group);
      if (line) out.push(line);
    }
    return out;
  }

  /** Releases a pending broadcast line (call at the end of a batch or of the run). */
  flush(): Narration[] {
    return this.flushRaw().map((l) => this.render(l));
  }

  /** As `flush`, without putting the line into words (see `feedRaw`). */
  flushRaw(): Line[] {
    if (!this.pending) return [];
    const g = this.groupLine(this.pending);
    this.pending = null;
    return [g];
  }

  // ---------------------------------------------------------------------------------------------------------

  /** Puts a line into words, in both languages. */
  render(l: Line): Narration {
    const text = both(l.say);
    const n: Narration = { t: l.t, index: l.index, count: l.count, text, node: l.node, nodes: l.nodes, category: l.category, importance: l.importance };
    if (l.note) n.note = { key: l.note.key, text: both(l.note.say) };
    return n;
  }

  /** The narration modules in use: the run's algorithm's, or (a trace without `init`) all of them. */
  private narrations(): readonly [AlgorithmName, AnyNarration][] {
    const a = this.algorithm;
    return a ? [[a, NARRATIONS[a]]] : ALL_NARRATIONS;
  }

  /** The run's algorithm's module, if the trace named it. */
  private narration(): AnyNarration | undefined {
    return this.algorithm ? NARRATIONS[this.algorithm] : undefined;
  }

  private memory(name: AlgorithmName): unknown {
    if (!(name in this.memories)) this.memories[name] = NARRATIONS[name].init();
    return this.memories[name];
  }

  private explainedByState(kind: string): boolean {
    return this.narrations().some(([, m]) => m.explainedByState.includes(kind));
  }

  private routineKind(kind: string): boolean {
    return this.narrations().some(([, m]) => m.routineKinds.includes(kind));
  }

  private track(ev: SendEvent): void {
    this.inFlight.set(ev.msg, { from: ev.from, to: ev.to, kind: ev.kind, fields: ev.fields });
    for (const [name, m] of this.narrations()) m.onSend?.(this.memory(name), ev);
  }

  /** A send, state, write or commit of `node` at `t` outside the current step starts a step with no message (timer, boot). */
  private openStep(node: NodeId, t: number): void {
    if (this.step && this.step.node === node && this.step.t === t) return;
    this.step = { node, t, msg: null, fault: null };
  }

  /** The first occurrence of a clarification in this run, else nothing. */
  note(key: NoteKey): { key: string; say: Say } | undefined {
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    return { key, say: (d) => d.notes[key] };
  }

  line(ev: { t: number }, category: NarrationCategory, importance: Importance, node: NodeId | null, nodes: NodeId[], say: Say): Line {
    return { index: this.index, count: 1, t: ev.t, say, node, nodes, category, importance };
  }

  private targets(from: NodeId, to: NodeId[]): Say {
    const others = [...this.voters, ...this.observers].filter((x) => x !== from);
    const sorted = [...to].sort((a, b) => a - b);
    const isAll = others.length > 1 && sorted.length === others.length && sorted.every((x, i) => x === [...others].sort((a, b) => a - b)[i]);
    return (d) => (isAll ? d.everyone : d.nodes(sorted));
  }

  // ---- events -------------------------------------------------------------------------------------------

  private eventLine(ev: Exclude<TraceEvent, SendEvent>): Line | null {
    switch (ev.type) {
      case 'init': {
        this.algorithm = ev.algorithm;
        this.voters = [...ev.nodes];
        this.observers = [...ev.observers];
        this.options = { ...ev.options };
        const alg = ev.algorithm;
        const { min, max } = ev.network.latency;
        const pct = Math.round(ev.network.dropRate * 1000) / 10;
        return this.line(ev, 'state', 1, null, [], (d) => d.init(alg, ev.nodes.length, ev.observers.length, min, max, pct));
      }
      case 'deliver': {
        const m = this.inFlight.get(ev.msg) ?? { from: ev.from, to: ev.to, kind: ev.kind, fields: {} };
        this.inFlight.delete(ev.msg);
        this.step = { node: ev.to, t: ev.t, msg: m, fault: null };
        // Deliveries are routine: what matters is the receiver's reaction, narrated by its reply or state line.
        let said: Say | null = null;
        for (const [name, mod] of this.narrations()) said = mod.onDeliver?.(this, this.memory(name), ev, m) ?? said;
        return this.line(ev, 'delivery', 0, ev.to, [ev.to, ev.from], said ?? ((d) => d.delivered(ev.to, ev.from, kindLabel(d, ev.kind))));
      }
      case 'drop': {
        const m = this.inFlight.get(ev.msg) ?? { from: ev.from, to: ev.to, kind: ev.kind, fields: {} };
        this.inFlight.delete(ev.msg);
        const imp: Importance = this.isRoutine(m) ? 0 : (m.imp ?? 1);
        const { from, to, kind } = ev;
        const say: Say = (d) => {
          const k = kindLabel(d, kind);
          switch (ev.reason) {
            case 'loss':
              return d.dropLoss(from, to, k);
            case 'partition':
              return d.dropPartition(from, to, k);
            case 'cut':
              return d.dropCut(from, to, k);
            default:
              return d.dropCrashed(from, to, k);
          }
        };
        return this.line(ev, 'drop', imp, from, [from, to], say);
      }
      case 'state':
        return this.stateLine(ev);
      case 'fault':
        return this.faultLine(ev);
      case 'write': {
        this.openStep(ev.node, ev.t);
        const v = valueText(ev.value);
        const n = ev.node;
        const leader = ev.leader ?? null;
        const mod = this.narration();
        const say: Say = (d) => {
          const vv = d.value(v);
          if (ev.accepted) {
            if (ev.reason === 'forwarded') return d.writeForwarded(n, vv, leader);
            return mod ? mod.writeAccepted(n, vv)(d) : d.writeAccepted(n, vv);
          }
          if (ev.reason === 'crashed') return d.writeDown(n, vv);
          if (ev.reason === 'not leader') return d.writeRefusedNotLeader(n, vv, leader);
          if (ev.reason === 'no leader') return d.writeRefusedNoLeader(n, vv);
          return d.writeRefused(n, vv);
        };
        return this.line(ev, 'client', 1, n, leader === null ? [n] : [n, leader], say);
      }
      case 'commit': {
        this.openStep(ev.node, ev.t);
        const { node, index } = ev;
        if (ev.value === null) return this.line(ev, 'client', 0, node, [node], (d) => d.commitNoop(node, index));
        const v = valueText(ev.value);
        return this.line(ev, 'client', 1, node, [node], (d) => d.commit(node, index, d.value(v)));
      }
      case 'violation': {
        const { invariant, detail } = ev;
        return this.line(ev, 'alert', 2, null, numbersIn(detail), (d) => d.violation(invariant, detail));
      }
      case 'anomaly': {
        const ids = numbersIn(ev.detail);
        if (ev.kind === 'split-brain') {
          const l = this.line(ev, 'alert', 2, null, ids, (d) => d.splitBrain(ids));
          l.note = this.note('bullySplitBrain');
          return l;
        }
        if (ev.kind === 'zab-follower-ahead' && ids.length >= 2) return this.line(ev, 'alert', 2, ids[1], ids, (d) => d.zabFollowerAhead(ids[0], ids[1]));
        const { kind, detail } = ev;
        return this.line(ev, 'alert', 2, null, ids, (d) => d.anomaly(kind, detail));
      }
      case 'leader': {
        for (const [name, mod] of this.narrations()) mod.onLeader?.(this.memory(name));
        const l = ev.leader;
        if (l === null) return this.line(ev, 'leader', 2, null, [], (d) => d.noClusterLeader);
        const reach = this.narration()?.leaderRule === 'reachable';
        return this.line(ev, 'leader', 2, l, [l], (d) => (reach ? d.clusterLeaderReach(l) : d.clusterLeaderQuorum(l)));
      }
      case 'end': {
        const s = ev.stats;
        return this.line(ev, 'state', 1, null, [], (d) => d.end(ev.t, s.sent, s.leaderChanges, s.unavailableMs, s.leader));
      }
      case 'stall': {
        // Stream transport (ZAB over TCP): held, not lost; it ends later with a deliver or a drop.
        const { from, to, kind, reason } = ev;
        return this.line(ev, 'drop', 0, from, [from, to], (d) => (reason === 'order' ? d.stallOrder(from, to, kindLabel(d, kind)) : d.stallLink(from, to, kindLabel(d, kind))));
      }
    }
  }

  private isRoutine(m: Sent): boolean {
    return this.routineKind(m.kind) || this.narrations().some(([, mod]) => mod.routine?.(m) === true);
  }

  private faultLine(ev: Extract<TraceEvent, { type: 'fault' }>): Line {
    const what = String(ev.do);
    const node = typeof ev.node === 'number' ? ev.node : null;
    this.step = node === null ? null : { node, t: ev.t, msg: null, fault: what };
    const alg = this.algorithm;
    const line = (cat: NarrationCategory, imp: Importance, nodes: NodeId[], say: Say) => this.line(ev, cat, imp, nodes[0] ?? null, nodes, say);
    switch (what) {
      case 'crash':
      case 'crashLeader': {
        if (node === null) return line('fault', 2, [], (d) => d.faultCrashLeaderNone);
        const keeps: Say = this.narration()?.keeps ?? ((d) => d.keepsUnknown);
        // Over TCP (the stream transport) the peers learn of a kill from the reset at once, of a power-off only by timeout.
        const how: Say = (d) => (!alg || !crashDiffersFromPowerOff(alg) ? '' : ev.how === 'powerOff' ? d.howPowerOff : d.howKill);
        if (what === 'crashLeader') return line('fault', 2, [node], (d) => d.faultCrashLeader(node, keeps(d)) + how(d));
        return line('fault', 2, [node], (d) => d.faultCrash(node, keeps(d)) + how(d));
      }
      case 'revive':
        return line('fault', 2, node === null ? [] : [node], (d) => d.faultRevive(node ?? 0));
      case 'partition': {
        const groups = Array.isArray(ev.groups) ? (ev.groups as unknown[]).map((g) => (Array.isArray(g) ? g.map((x) => num(x)) : [])) : [];
        return this.line(ev, 'fault', 2, null, groups.flat(), (d) => d.faultPartition(groups.map((g) => d.group(g))));
      }
      case 'heal':
        return this.line(ev, 'fault', 2, null, [], (d) => d.faultHeal);
      case 'cut':
      case 'restore': {
        const from = num(ev.from);
        const to = num(ev.to);
        const oneWay = ev.oneWay === true;
        return this.line(ev, 'fault', 2, null, [from, to], (d) => (what === 'cut' ? d.faultCut(from, to, oneWay) : d.faultRestore(from, to)));
      }
      case 'setDropRate': {
        const pct = Math.round(num(ev.rate) * 1000) / 10;
        return this.line(ev, 'fault', 2, null, [], (d) => d.faultDropRate(pct));
      }
      case 'setLatency': {
        const min = num(ev.min);
        const max = num(ev.max);
        return this.line(ev, 'fault', 2, null, [], (d) => d.faultLatency(min, max));
      }
      case 'write': {
        const v = valueText(ev.value);
        return line('client', 1, node === null ? [] : [node], (d) => d.faultWrite(node ?? 0, d.value(v)));
      }
      default:
        return this.line(ev, 'fault', 2, null, [], (d) => d.faultOther(what));
    }
  }

  // ---- sends --------------------------------------------------------------------------------------------

  private groupLine(g: Group): Line {
    const first = g.sends[0];
    const from = g.from;
    const tos = g.sends.map((s) => s.to);
    const to = this.targets(from, tos);
    const f = first.fields;
    const msg = g.step?.msg ?? null;
    let say: Say = (d) => d.send(from, to(d), kindLabel(d, g.kind));
    let imp: Importance = this.routineKind(g.kind) ? 0 : 1;
    const single = tos.length === 1 ? tos[0] : null;
    let note: NoteKey | undefined;
    for (const [name, mod] of this.narrations()) {
      const h = mod.sends?.[g.kind];
      if (!h) continue;
      const r = h(this, this.memory(name), { group: g, from, to, single, fields: f, msg });
      if (r?.say) say = r.say;
      if (r?.importance !== undefined) imp = r.importance;
      if (r?.note) note = r.note;
      break;
    }
    for (const s of g.sends) {
      const m = this.inFlight.get(s.msg);
      if (m) m.imp = imp;
    }
    const line: Line = { index: g.index, count: g.sends.length, t: g.t, say, node: from, nodes: [from, ...tos], category: 'message', importance: imp };
    if (note) line.note = this.note(note);
    return line;
  }

  // ---- state changes ------------------------------------------------------------------------------------

  private stateLine(ev: StateEvent): Line {
    this.openStep(ev.node, ev.t);
    const prev = this.views.get(ev.node);
    this.views.set(ev.node, ev);
    const step = this.step && this.step.node === ev.node && this.step.t === ev.t ? this.step : null;
    const n = ev.node;
    const alg = this.algorithm;
    const mod = this.narration();
    if (prev && prev.alive && !ev.alive) {
      const say: Say = mod ? mod.down(ev) : (d) => d.down(n);
      return this.line(ev, 'state', 1, n, [n], say);
    }
    const l = alg && mod?.state ? mod.state(this, this.memory(alg), ev, prev, step) : null;
    if (l) return l;
    const role = ev.role;
    const a = alg;
    if (prev && !prev.alive && ev.alive) return this.line(ev, 'state', 1, n, [n], (d) => d.restarts(n, roleLabel(d, a, role)));
    if (!prev || prev.role !== ev.role) return this.line(ev, 'state', 1, n, [n], (d) => d.stateChange(n, roleLabel(d, a, role)));
    return this.line(ev, 'state', 0, n, [n], (d) => d.stateDetails(n));
  }

  /** What "seen on" names: the message being handled, when there is one. */
  cause(step: Step | null): Say {
    const m = step?.msg;
    return (d) => (m ? d.aMessage(kindLabel(d, m.kind), m.from) : d.aMessageUnknown);
  }
}

// ---- helpers shared with the UI ---------------------------------------------------------------------------

/** Chinese typography: a space between a digit and a following Chinese character ("节点 3 收到"). */
function tidyZh(s: string): string {
  return s.replace(/(\d)(?=[\u4e00-\u9fff])/g, '$1 ').replace(/([\u4e00-\u9fff])(?=\d)/g, '$1 ');
}

function both(say: Say): Texts {
  return { en: say(en), zh: tidyZh(say(zh)) };
}

function numbersIn(text: string): NodeId[] {
  return (text.match(/\d+/g) ?? []).map(Number);
}

/** The word for a role of an algorithm (the trace's `role`), in a language. */
export function roleName(algorithm: AlgorithmName, role: string, lang: Lang): string {
  return roleLabel(DICTIONARIES[lang], algorithm, role);
}

/** The label of a message kind, in a language (protocol names are kept in both). */
export function kindName(kind: string, lang: Lang): string {
  return kindLabel(DICTIONARIES[lang], kind);
}

/** What a message kind is for, one short phrase, in a language; null for an unknown kind. */
export function kindPurpose(kind: string, lang: Lang): string | null {
  return DICTIONARIES[lang].kindPurpose[kind] ?? null;
}

/** Narrates a whole trace (tests, tools, a replay loaded at once). */
export function narrateTrace(events: readonly TraceEvent[]): Narration[] {
  const n = new Narrator();
  const out: Narration[] = [];
  for (const ev of events) out.push(...n.feed(ev));
  out.push(...n.flush());
  return out;
}
