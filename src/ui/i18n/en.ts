/**
 * Every user-visible English string. The accessible names here are contracts/ui.md's: outside tests use
 * them exactly. zh.ts must have the same keys (TypeScript enforces it through `Dict`).
 */
import { ALGORITHM_DISPLAY_NAMES, nameList } from './algorithm-names';
import { fmtEn } from './number-format';
import { exploreEn } from './explore-en';
import { batchEn, compareEn } from './compare-en';
const fmtMs = (t: number) => `${fmtEn(Math.round(t))} ms`;

export const en = {
  compare: compareEn,
  explore: exploreEn,
  batch: batchEn,
  appTitle: 'Election Lab',
  tagline: 'Watch distributed nodes elect a leader — then break things.',
  algorithmNames: ALGORITHM_DISPLAY_NAMES,
  notAvailable: 'coming soon',
  // Controls (contracts/ui.md names)
  algorithm: 'Algorithm',
  nodes: 'Nodes',
  observers: 'Observers',
  seed: 'Seed',
  play: 'Play',
  pause: 'Pause',
  stepForward: 'Step forward',
  stepBack: 'Step back',
  stepShort: 'Step',
  reset: 'Reset',
  speed: 'Speed',
  timeline: 'Timeline',
  healNetwork: 'Heal network',
  speedPresets: {
    5: 'Very slow (5 ms/s)',
    10: 'Slow (10 ms/s)',
    25: 'Normal (25 ms/s)',
    60: 'Brisk (60 ms/s)',
    150: 'Fast (150 ms/s)',
    500: 'Faster (500 ms/s)',
    5000: 'Fast-forward (5 s/s)',
  } as Record<number, string>,
  speedCustom: (v: number) => `${v} ms/s`,
  time: fmtMs,
  ms: fmtMs,
  // Status
  leaderIs: (id: number) => `Leader: Node ${id}`,
  noLeader: 'No leader',
  termValue: (word: 'term' | 'epoch' | 'round', n: number) => `${word} ${n}`,
  status: 'Status',
  // Nodes
  nodeName: (id: number, role: string, term: string | null, extra: string[]) =>
    [`Node ${id}`, role, ...(term ? [term] : []), ...extra].join(', '),
  crashed: 'crashed',
  observer: 'observer',
  clusterLeader: 'cluster leader',
  follows: (id: number) => `follows ${id}`,
  roles: {
    follower: 'follower',
    electing: 'electing',
    awaitingVictory: 'awaiting victory',
    leader: 'leader',
    precandidate: 'pre-candidate',
    candidate: 'candidate',
    proposer: 'proposer',
    looking: 'looking',
    following: 'following',
    leading: 'leading',
    observing: 'observing',
    unknown: 'unknown',
  } as Record<string, string>,
  phase: (p: string) => `phase ${p}`,
  // Node menu
  nodeActions: (id: number) => `Node ${id} actions`,
  crash: 'Crash',
  powerOff: 'Power off',
  powerOffHint: 'Crash kills the process: its TCP connections are reset and peers see it at once. Power off cuts the host: peers notice only when their read timeout runs out.',
  revive: 'Revive',
  isolate: 'Isolate',
  clientWrite: 'Client write',
  inspect: 'Inspect',
  close: 'Close',
  // Network
  network: 'Network',
  loss: 'Message loss',
  latency: 'Latency',
  latencyMax: 'Latency (max)',
  percent: (v: number) => `${Math.round(v * 100)} %`,
  splitNetwork: 'Split network',
  splitHint: 'Drag a line across the ring to split it in two. Esc cancels.',
  pickGroups: 'Pick groups',
  groupB: 'Group B',
  applySplit: 'Apply split',
  cancel: 'Cancel',
  partitioned: (k: number) => `Partitioned into ${k} groups`,
  healthy: 'All links up',
  cutLinks: (k: number) => `${k} link${k === 1 ? '' : 's'} cut`,
  cutLink: (a: number, b: number) => `Cut link ${a}–${b}`,
  restoreLink: (a: number, b: number) => `Restore link ${a}–${b}`,
  links: 'Links',
  groupName: (i: number) => `Group ${String.fromCharCode(64 + i)}`,
  // Timing
  timing: 'Timing options',
  applyTiming: 'Apply and restart',
  verdict: { ok: 'Can elect a stable leader', warn: 'Works, but elections may be slow', bad: 'Cannot keep a stable leader' } as Record<string, string>,
  timingChecks: {
    heartbeatVsTimeout: (v: Record<string, number>) => `heartbeat ${v.hb} + max latency ${v.lat} ${v.hb + v.lat < v.timeout ? '<' : '≥'} timeout ${v.timeout}`,
    roundTripVsTimeout: (v: Record<string, number>) => `vote round trip ${v.rtt} ${v.rtt < v.timeout ? '<' : '≥'} minimum election timeout ${v.timeout}`,
    spread: (v: Record<string, number>) => `timeout spread ${v.spread} ${v.spread >= v.rtt ? '≥' : '<'} round trip ${v.rtt} (split votes)`,
    answerVsRoundTrip: (v: Record<string, number>) => `answer timeout ${v.answer} ${v.answer > v.rtt ? '>' : '≤'} round trip ${v.rtt}`,
    victoryVsAnswer: (v: Record<string, number>) => `victory timeout ${v.victory} ${v.victory > v.answer + v.lat ? '>' : '≤'} answer ${v.answer} + latency ${v.lat}`,
    finalizeVsRoundTrip: (v: Record<string, number>) => `finalize wait ${v.finalize} ${v.finalize > v.rtt ? '>' : '≤'} round trip ${v.rtt}`,
    pingVsSync: (v: Record<string, number>) => `ping ${v.ping} + latency ${v.lat} ${v.ping + v.lat < v.sync ? '<' : '≥'} sync limit ${v.sync}`,
    initVsRoundTrip: (v: Record<string, number>) => `init limit ${v.init} ${v.init > v.rtt ? '>' : '≤'} 3 round trips ${v.rtt}`,
  } as Record<string, (v: Record<string, number>) => string>,
  // Inspector
  inspector: 'Node inspector',
  inspectorEmpty: 'Click a node (or press Enter on it) to see its full state.',
  timers: 'Timers',
  dueIn: (name: string, ms: number) => `${name}: due in ${Math.max(0, Math.round(ms))} ms`,
  noTimers: 'none',
  timerWords: {
    timerElection: 'election timeout',
    timerAnswer: 'waiting for Alive',
    timerVictory: 'waiting for Victory',
    timerLeader: 'leader timeout',
    timerNotification: 'notification wait',
    timerOther: 'timer',
  } as Record<string, string>,
  // Messages
  message: 'Message',
  messageTitle: (kind: string, from: number, to: number) => `${kind} from Node ${from} to Node ${to}`,
  sentAt: 'sent at',
  arrivesAt: 'arrives at',
  diesAt: 'dies at',
  droppedBecause: (r: string) => `dropped (${r})`,
  fields: 'fields',
  dropReasons: { loss: 'lost', partition: 'partition', cut: 'cut link', crashed: 'receiver crashed' } as Record<string, string>,
  // Event log
  eventLog: 'Event log',
  ev: {
    send: (from: number, to: number, label: string) => `${from} → ${to}: ${label}`,
    drop: (from: number, to: number, kind: string, reason: string) => `${from} → ${to}: ${kind} dropped (${reason})`,
    state: (node: number, role: string, alive: boolean) => (alive ? `Node ${node} is ${role}` : `Node ${node} is down`),
    fault: (what: string) => `You: ${what}`,
    leader: (id: number | null) => (id === null ? 'The cluster has no leader' : `Node ${id} leads the cluster`),
    write: (node: number, value: string, ok: boolean) => `Write ${value} at Node ${node}: ${ok ? 'accepted' : 'refused'}`,
    commit: (node: number, index: number) => `Node ${node} commits entry ${index}`,
    violation: (inv: string, detail: string) => `SAFETY VIOLATION ${inv}: ${detail}`,
    anomaly: (kind: string, detail: string) => `Anomaly (${kind}): ${detail}`,
  },
  faultWords: (a: Record<string, unknown>) => {
    switch (a.do) {
      case 'crash':
        return a.how === 'powerOff' ? `power off Node ${a.node}` : `crash Node ${a.node}`;
      case 'revive':
        return `revive Node ${a.node}`;
      case 'crashLeader':
        return a.node === null ? 'crash the leader (there was none)' : `crash the leader (Node ${a.node})`;
      case 'partition':
        return `split the network ${(a.groups as number[][]).map((g) => `{${g.join(',')}}`).join(' ')}`;
      case 'heal':
        return 'heal the network';
      case 'cut':
        return `cut link ${a.from}–${a.to}`;
      case 'restore':
        return `restore link ${a.from}–${a.to}`;
      case 'setDropRate':
        return `message loss ${Math.round((a.rate as number) * 100)} %`;
      case 'setLatency':
        return `latency ${a.min}–${a.max} ms`;
      case 'write':
        return `client write ${a.value} to Node ${a.node}`;
      default:
        return String(a.do);
    }
  },
  // Notices
  notices: {
    workerRestarted: (detail: string, n: number, t: number) =>
      `The simulation stopped (${detail}). It was restarted and your ${n} action${n === 1 ? '' : 's'} replayed to ${fmtMs(t)}: nothing is lost.`,
    actionRefused: (detail: string) => `That action was refused: ${detail}`,
    scenarioRefused: (detail: string) => `These settings were refused (${detail}); the defaults are used instead.`,
    loadRefused: (detail: string) => `Could not load ${detail}. The run on screen is unchanged.`,
  },
  violationBanner: (n: number) => `Safety violation${n === 1 ? '' : 's'} detected (${n}) — see the event log.`,
  splitBrain: 'Split brain: two nodes each lead part of the network.',
  problem: (p: { param: string; value: string; reason: string; min?: number; max?: number }) => {
    const why: Record<string, string> = {
      notAlgorithm: `must be ${nameList(', ', ' or ')}`,
      notInRange: `must be a number from ${p.min} to ${p.max}`,
      notLang: 'must be en or zh',
      notTheme: 'must be light or dark',
      notFlag: 'must be 1 or 0',
      observersNeedZab: 'only ZAB has observers',
      notAvailable: 'is not available yet',
      notLesson: 'no lesson has this id (open the lesson list)',
    };
    return `Ignored ${p.param}=${p.value}: ${why[p.reason] ?? p.reason}.`;
  },
  dismiss: 'Dismiss',
  keysHelp: 'Keys: Space play / pause · → step · ← back · [ ] previous / next marker · Enter on a node opens its menu · Page Down / Page Up lesson steps · ? all keys',
  legend: 'Legend',
  heartbeat: 'heartbeat (quiet)',
  reply: 'reply (hollow)',
  lostMsg: 'lost / blocked (✕)',
  flowsNote: (groups: number, over: number) =>
    `Over ${over} messages in flight: drawn as flows between ${groups} groups of neighbouring nodes (a band’s width: how many fly; big ones say their count).`,
  working: 'Starting the simulation…',
  recovering: 'Restarting the simulation…',
  stats: (sent: number, inflight: number) => `${sent} sent · ${inflight} in flight`,
  language: 'Language',
  replay: {
    previousMarker: 'Previous marker',
    nextMarker: 'Next marker',
    markers: 'Timeline markers',
    markerKinds: {
      election: 'election started',
      leader: 'new cluster leader',
      noLeader: 'cluster lost its leader',
      term: 'term / epoch rises',
      fault: 'fault',
      alert: 'invariant alert',
    } as Record<string, string>,
    markerText: (kind: string, t: string, node: number | null, extra: string) =>
      `${t}: ${kind}${node !== null ? ` (Node ${node})` : ''}${extra ? ` — ${extra}` : ''}`,
    termValue: (n: number) => `now ${n}`,
    share: 'Share',
    shareTitle: 'Share this run',
    shareIntro: 'This link holds the whole run (setup, seed and every action), compressed. Whoever opens it sees the identical run.',
    link: 'Link',
    copyLink: 'Copy link',
    copied: 'Copied to the clipboard',
    copyFailed: 'Select the link and copy it (Ctrl+C)',
    atMoment: (t: string) => `Open paused at the moment shown (${t})`,
    linkLength: (n: number) => `${fmtEn(n)} characters`,
    close: 'Close',
    files: 'Scenario files',
    save: 'Save',
    saveTitle: 'Save the run as a scenario file (.json), the format the sim command reads',
    load: 'Load',
    loadTitle: 'Load a scenario file (.json); you can also drop one on the page',
    exportTrace: 'Trace',
    exportTitle: 'Export the trace up to the moment shown as JSONL, as `sim --format jsonl` prints it',
    dropHere: 'Drop a scenario file to load it',
    loaded: (name: string, n: number) => `Loaded ${name} (${n} action${n === 1 ? '' : 's'})`,
    linkSource: 'the link (scenario=…)',
    badLink: 'the link is damaged: it does not decompress to a scenario',
    fileTooBig: 'the file is larger than 2 MB',
    loadRefused: (source: string, detail: string) => `Could not load ${source}: ${detail}. The run on screen is unchanged.`,
    filter: 'Filter the event log',
    allNodes: 'All nodes',
    nodeN: (id: number) => `Node ${id}`,
    allKinds: 'All kinds',
    categories: {
      message: 'Messages sent',
      delivery: 'Deliveries',
      drop: 'Lost messages',
      state: 'State changes',
      fault: 'Faults',
      leader: 'Cluster leader',
      client: 'Client writes',
      alert: 'Alerts',
    } as Record<string, string>,
    routine: 'Heartbeats and deliveries',
    emptyLog: 'Nothing has happened yet. Press Play or Step forward.',
    goTo: (t: string) => `Go to ${t}`,
    really: 'What really happens',
    now: 'Now',
    lastEvent: 'Last event',
    forked: 'You changed the past: the old future is gone and the run continues from here.',
    keys: '[ ] previous / next marker',
  },
  teach: {
    lessons: 'Lessons',
    lessonListIntro: 'Guided lessons: each runs a scenario and pauses at the moments worth discussing with the class.',
    loadingLessons: 'Loading the lessons…',
    opensSideBySide: 'opens in side-by-side mode',
    sideBySideSoon: 'This lesson runs Bully, Raft and ZAB side by side on one script. Side-by-side mode is not available in this build yet.',
    lesson: 'Lesson',
    goal: 'Goal',
    introHint: 'Press “Next step” (or Page Down) to run to the first moment worth discussing.',
    stepOf: (i: number, n: number) => `Step ${i} of ${n}`,
    atTime: (t: string) => `at ${t}`,
    question: 'Ask the class',
    previousStep: 'Previous step',
    nextStep: 'Next step',
    playingToNext: 'Playing to the next step…',
    closeLesson: 'Close lesson',
    lessonDone: 'End of the lesson. Press Play to let the run go on, or open another lesson.',
    stepsNav: 'Lesson steps',
    presenter: 'Presenter mode',
    fullScreen: 'Full screen',
    darkTheme: 'Dark theme',
    languageNames: { en: 'English', zh: '中文' } as Record<string, string>,
    help: 'Help',
    helpTitle: 'Keys and how to read the ring',
    keysTitle: 'Keyboard',
    ringTitle: 'How to read the ring',
    shortcuts: [
      ['Space', 'play / pause'],
      ['→  ←', 'one event forward / back'],
      ['[  ]', 'previous / next timeline marker (election, leader, fault, alert)'],
      ['Tab', 'move between the nodes and the controls'],
      ['Enter', 'on a node: its menu (Crash, Revive, Isolate, Client write)'],
      ['Page Down  N', 'next lesson step (a presenter’s clicker works)'],
      ['Page Up  P', 'previous lesson step'],
      ['L', 'the lesson list'],
      ['F', 'full screen'],
      ['?', 'this help'],
      ['Esc', 'close a menu or this help'],
    ] as [string, string][],
    ringHelp: [
      'Each shape on the circle is a node: its colour and shape tell its role (see the legend), the number inside is its id.',
      '♛ marks the node that leads the cluster; a grey, crossed-out node has crashed.',
      'Dots travelling along the chords are messages: hollow dots are replies, faint ones heartbeats, ✕ a lost or blocked message.',
      'The arc around a node counts down its timer (election timeout, waiting for Alive…).',
      'Shaded bands and a dashed line show a network partition; a dashed red link is cut.',
    ],
    export: 'Export',
    exportSvg: 'Ring as SVG',
    exportPng: 'Ring as PNG',
    exportStep: 'Lesson step as picture (PNG)',
    exported: (name: string) => `Saved ${name}`,
    openInLab: 'Open in Election Lab',
    nodeN: (id: number) => `Node ${id}`,
    controls: 'Controls',
    close: 'Close',
    optionNames: {
      priority: 'rank by',
      answerTimeoutMs: 'answer timeout (ms)',
      victoryTimeoutMs: 'victory timeout (ms)',
      heartbeatMs: 'heartbeat interval (ms)',
      leaderTimeoutMs: 'leader timeout (ms)',
      finalizeWaitMs: 'finalize wait (ms)',
      maxNotificationIntervalMs: 'max notification interval (ms)',
      tickTimeMs: 'tick time (ms)',
      syncLimitTicks: 'sync limit (ticks)',
      initLimitTicks: 'init limit (ticks)',
      observerElectionDelayMs: 'observer election delay (ms)',
      rtoMs: 'TCP retransmission timeout (ms)',
      preVote: 'PreVote',
      checkQuorum: 'CheckQuorum',
      electionTimeoutMsMin: 'election timeout min (ms)',
      electionTimeoutMsMax: 'election timeout max (ms)',
    } as Record<string, string>,
  },
};

export type Dict = typeof en;
