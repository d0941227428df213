/**
 * The view profile of an algorithm: what the viewers (src/view, src/ui, the CLI's summary) need to know about
 * it, as framework-free data and small pure functions, next to the algorithm in its own folder
 * (`algorithms/<name>/profile.ts`). The engine itself never reads a profile; the kernel only runs `Algorithm`.
 * Types only, and no imports from view or ui (the arrows of ARCHITECTURE.md point the other way): colours and
 * shapes are named here and resolved to pixels by src/view. See docs/algorithms.md.
 */
import type { AlgorithmName, NodeView } from './types';

/** A colour of the Okabe–Ito palette, by name (src/view/palette.ts holds the values). */
export type PaletteName = 'orange' | 'sky' | 'green' | 'yellow' | 'blue' | 'vermillion' | 'purple' | 'black' | 'grey';

/** A node shape (src/view/shapes.ts draws them), so a role is told by shape as well as by colour. */
export type NodeShape = 'circle' | 'diamond' | 'triangle' | 'hexagon' | 'square';

/** Dictionary key of a role word (src/ui/i18n `roles`). A new word needs an entry in both languages there. */
export type RoleWord =
  | 'follower'
  | 'electing'
  | 'awaitingVictory'
  | 'leader'
  | 'precandidate'
  | 'candidate'
  | 'looking'
  | 'following'
  | 'leading'
  | 'observing'
  | 'proposer'
  | 'unknown';

/** How one role word of the trace (`state.role`) is drawn: the neutral view role. */
export interface RoleProfile {
  color: PaletteName;
  shape: NodeShape;
  word: RoleWord;
  /** Dashed outline: a tentative state (pre-candidate, a ZAB leader not yet established). */
  dashed?: boolean;
  /** The role claims leadership (drawn bigger). */
  leads?: boolean;
  /** The resting role (follower): on a crowded ring its word is left out so the other roles stand out. */
  resting?: boolean;
}

/**
 * Traffic classes of the metrics (src/view/metrics/README.md): `election` chooses (and establishes) a leader,
 * `heartbeat` is a steady leader's liveness traffic and its replies, `data` is client writes and replication.
 */
export type TrafficClass = 'election' | 'heartbeat' | 'data';

/** How a message glyph is coloured (src/view/kinds.ts maps each to a colour). */
export type GlyphCategory = 'election' | 'answer' | 'victory' | 'heartbeat' | 'data' | 'sync' | 'other';

/** One message kind, as every viewer sees it. */
export interface MessageProfile {
  /** Metrics class (a kind can be re-classed by its fields in `trafficOf`, e.g. Raft's empty AppendEntries). */
  traffic: TrafficClass;
  /** Glyph colour class and short label on the ring; `reply` draws it hollow. */
  glyph: GlyphCategory;
  label: string;
  reply?: boolean;
  /** Optional: the metrics class read from the fields (Raft: an AppendEntries without entries is a heartbeat, R7). */
  trafficOf?(fields: Readonly<Record<string, unknown>>): TrafficClass;
  /**
   * Optional, for a reply: the request kind it answers. The reply takes the class of the request of that kind
   * delivered to its sender in the same instant (the handler that sends it), else `traffic`.
   */
  answers?: string;
  /** Optional: the glyph read from the fields (a vote's ✓ / ✗ and its colour, an AppendEntries' entry count). */
  glyphOf?(fields: Readonly<Record<string, unknown>>, label: string): { category?: GlyphCategory; label?: string; color?: PaletteName };
}

/** Keys of the timing explanations (src/ui/i18n `timingChecks`). */
export type TimingKey =
  | 'heartbeatVsTimeout'
  | 'roundTripVsTimeout'
  | 'spread'
  | 'answerVsRoundTrip'
  | 'victoryVsAnswer'
  | 'finalizeVsRoundTrip'
  | 'pingVsSync'
  | 'initVsRoundTrip';

export type VerdictLevel = 'ok' | 'warn' | 'bad';

export interface TimingCheck {
  level: VerdictLevel;
  /** Dictionary key of the explanation (src/ui/i18n `timingChecks`). */
  key: TimingKey;
  /** Numbers the explanation quotes. */
  values: Record<string, number>;
}

/** Dictionary key of a timer's description (src/ui/i18n); null: the timer is not drawn (heartbeat-like). */
export type TimerWord = 'timerElection' | 'timerAnswer' | 'timerVictory' | 'timerLeader' | 'timerNotification' | 'timerOther';

/** A curve of "messages per election vs N" (Experiments), from protocols.md. */
export interface FormulaProfile {
  id: string;
  label: string;
  /** protocols.md section and rules. */
  cite: string;
  /** Which side of the theoretical band this curve is. */
  bound: 'best' | 'worst' | 'exact';
  count(n: number): number;
}

/**
 * A theory curve of the Experiments chart "messages per election vs n": a band from best to worst, or a line.
 * `legend` is the dictionary key of its legend text (src/ui/i18n/compare-*.ts `batch`), in both languages.
 */
export type SweepCurve =
  | { shape: 'band'; best(n: number): number; worst(n: number): number; legend: string }
  | { shape: 'line'; count(n: number): number; legend: string; strokeWidth: number; dash: string; legendKind: 'line' | 'dots' };

/** What the narrator needs of an algorithm's words, in one language. */
export interface NarrationWords {
  /** Role word of the trace → the narration's word for it. */
  roles: Record<string, string>;
  /** Message kind → its short label, where it is not the kind itself (the protocol's names are kept in both languages). */
  kinds?: Record<string, string>;
  /** Message kind → what it is for, one short phrase (tooltips, legends). */
  kindPurpose: Record<string, string>;
}

export interface AlgorithmProfile {
  readonly name: AlgorithmName;
  /** The algorithm's name as shown (the same in every language: it is a proper name). */
  readonly displayName: string;
  /** Its colour in every chart. */
  readonly chartColor: PaletteName;
  /** Every role word its `view().role` can take. */
  readonly roles: Readonly<Record<string, RoleProfile>>;
  /** Optional: a role drawn differently by other fields of the view (e.g. a ZAB leader before broadcast is tentative). */
  readonly tentative?: (view: Readonly<Record<string, unknown>>) => boolean;
  /**
   * The number that orders its leaders (Raft's term, ZAB's epoch): its word, the timeline's letter, the view
   * field whose rises the timeline marks, and its value on a node; null when it has none (Bully).
   */
  readonly round: {
    /** `round`: Paxos' ballot round (its node id breaks ties, so the round alone orders leaders as a term does). */
    word: 'term' | 'epoch' | 'round';
    letter: string;
    marker: string;
    of(view: Readonly<Record<string, unknown>>): number | null;
  } | null;
  /** Every message kind it sends (and the transport's own kinds it receives), as written in traces. */
  readonly messages: Readonly<Record<string, MessageProfile>>;
  /** Every timer name it sets, and the word a drawn countdown is described by (null: not drawn). */
  readonly timers: Readonly<Record<string, TimerWord | null>>;
  /** The names of its round numbers on `state` events (the "terms / epochs" metric), and the one shown. */
  readonly roundFields: readonly string[];
  readonly primaryRoundField: string;
  /**
   * The role that marks a node running an election. Entering it starts an election; staying in it but moving
   * to a higher `renewField` starts another one.
   */
  readonly electionRole: { role: string; renewField: string | null; votersOnly: boolean };
  /** Whether a live node with this view is the leader the metrics count (the contracts' cluster leader). */
  claimsLeader(view: Readonly<NodeView>): boolean;
  /** Whether the node menu offers a client write (Bully replicates nothing). */
  readonly acceptsWrites: boolean;
  /** Whether the ring shows the node's `phase` under its role word (ZAB's discovery / synchronization / broadcast). */
  readonly showsPhase: boolean;
  /** Whether it has observers (the Algorithm's `supportsObservers`, repeated so the page need not load the engines to check a link). */
  readonly supportsObservers: boolean;
  /** Whether its transport tells a kill from a power-off (stream transport): the node menu offers both. */
  readonly crashDiffersFromPowerOff: boolean;
  /** The live verdict on timing options (TimingPanel): textbook conditions on the options and the slowest message. */
  timing(options: Readonly<Record<string, unknown>>, maxLatency: number): TimingCheck[];
  /** The theoretical band of one election's message count at N voters (options such as Raft's preVote may move it). */
  theory(n: number, options: { preVote?: boolean }): { best: number; worst: number };
  /** The curves Experiments may draw against measured counts (FORMULAS, src/view/metrics/formulas.ts). */
  readonly formulas: readonly FormulaProfile[];
  /**
   * What the Experiments chart draws under the measured medians: bands first, then lines (in menu order). The
   * chart's y range reaches `theory(n).worst`. The sweep table's theory column shows "best–worst" when a band is drawn.
   */
  readonly sweep: readonly SweepCurve[];
  /** The title of its group in the lesson list (src/lessons/index.ts). */
  readonly lessonGroup: { readonly en: string; readonly zh: string };
  /** Narration words, one table per language. */
  readonly words: { readonly en: NarrationWords; readonly zh: NarrationWords };
}

/** Reads a numeric option with its default (timing rules). */
export const numOption = (o: Readonly<Record<string, unknown>>, k: string, d: number): number => (typeof o[k] === 'number' ? (o[k] as number) : d);
