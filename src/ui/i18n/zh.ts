/** 中文界面文字：与 en.ts 同一组键（类型 `Dict` 保证）。 */
import type { Dict } from './en';

const fmtMs = (t: number) => `${Math.round(t).toLocaleString('zh-CN')} 毫秒`;

export const zh: Dict = {
  appTitle: '选举实验室',
  tagline: '看分布式节点选出领导者——然后动手制造故障。',
  algorithmNames: { bully: 'Bully', raft: 'Raft', zab: 'ZAB' },
  notAvailable: '即将推出',
  algorithm: '算法',
  nodes: '节点数',
  observers: '观察者',
  seed: '随机种子',
  play: '播放',
  pause: '暂停',
  stepForward: '前进一步',
  stepBack: '后退一步',
  stepShort: '单步',
  reset: '重置',
  speed: '速度',
  timeline: '时间轴',
  healNetwork: '修复网络',
  speedPresets: {
    5: '极慢（5 毫秒/秒）',
    10: '慢（10 毫秒/秒）',
    25: '正常（25 毫秒/秒）',
    60: '较快（60 毫秒/秒）',
    150: '快（150 毫秒/秒）',
    500: '更快（500 毫秒/秒）',
    5000: '快进（5 秒/秒）',
  },
  speedCustom: (v: number) => `${v} 毫秒/秒`,
  time: fmtMs,
  ms: fmtMs,
  leaderIs: (id: number) => `领导者：节点 ${id}`,
  noLeader: '没有领导者',
  termValue: (word: 'term' | 'epoch', n: number) => `${word === 'term' ? '任期' : '纪元'} ${n}`,
  status: '状态',
  nodeName: (id: number, role: string, term: string | null, extra: string[]) =>
    [`节点 ${id}`, role, ...(term ? [term] : []), ...extra].join('，'),
  crashed: '已崩溃',
  observer: '观察者',
  clusterLeader: '集群领导者',
  follows: (id: number) => `跟随 ${id}`,
  roles: {
    follower: '跟随者',
    electing: '选举中',
    awaitingVictory: '等待胜选',
    leader: '领导者',
    precandidate: '预候选人',
    candidate: '候选人',
    looking: '寻找中',
    following: '跟随中',
    leading: '领导中',
    observing: '观察中',
    unknown: '未知',
  },
  phase: (p: string) => `阶段 ${p}`,
  nodeActions: (id: number) => `节点 ${id} 操作`,
  crash: '崩溃',
  revive: '恢复',
  isolate: '隔离',
  clientWrite: '客户端写入',
  inspect: '查看',
  close: '关闭',
  network: '网络',
  loss: '丢包率',
  latency: '延迟',
  latencyMax: '最大延迟',
  percent: (v: number) => `${Math.round(v * 100)}%`,
  splitNetwork: '分割网络',
  splitHint: '在环上拖一条线把它分成两半。按 Esc 取消。',
  pickGroups: '选择分组',
  groupB: 'B 组',
  applySplit: '应用分割',
  cancel: '取消',
  partitioned: (k: number) => `网络被分成 ${k} 组`,
  healthy: '所有链路正常',
  cutLinks: (k: number) => `${k} 条链路被切断`,
  cutLink: (a: number, b: number) => `切断链路 ${a}–${b}`,
  restoreLink: (a: number, b: number) => `恢复链路 ${a}–${b}`,
  links: '链路',
  groupName: (i: number) => `${String.fromCharCode(64 + i)} 组`,
  timing: '时间参数',
  applyTiming: '应用并重新开始',
  verdict: { ok: '能选出稳定的领导者', warn: '可行，但选举可能较慢', bad: '无法保持稳定的领导者' },
  timingChecks: {
    heartbeatVsTimeout: (v) => `心跳 ${v.hb} + 最大延迟 ${v.lat} ${v.hb + v.lat < v.timeout ? '<' : '≥'} 超时 ${v.timeout}`,
    roundTripVsTimeout: (v) => `投票往返 ${v.rtt} ${v.rtt < v.timeout ? '<' : '≥'} 最小选举超时 ${v.timeout}`,
    spread: (v) => `超时范围 ${v.spread} ${v.spread >= v.rtt ? '≥' : '<'} 往返 ${v.rtt}（分票）`,
    answerVsRoundTrip: (v) => `应答超时 ${v.answer} ${v.answer > v.rtt ? '>' : '≤'} 往返 ${v.rtt}`,
    victoryVsAnswer: (v) => `胜选超时 ${v.victory} ${v.victory > v.answer + v.lat ? '>' : '≤'} 应答 ${v.answer} + 延迟 ${v.lat}`,
    finalizeVsRoundTrip: (v) => `确认等待 ${v.finalize} ${v.finalize > v.rtt ? '>' : '≤'} 往返 ${v.rtt}`,
    pingVsSync: (v) => `ping ${v.ping} + 延迟 ${v.lat} ${v.ping + v.lat < v.sync ? '<' : '≥'} 同步上限 ${v.sync}`,
    initVsRoundTrip: (v) => `初始化上限 ${v.init} ${v.init > v.rtt ? '>' : '≤'} 三次往返 ${v.rtt}`,
  },
  inspector: '节点详情',
  inspectorEmpty: '点击一个节点（或在节点上按 Enter）查看它的完整状态。',
  timers: '计时器',
  dueIn: (name: string, ms: number) => `${name}：${Math.max(0, Math.round(ms))} 毫秒后到期`,
  noTimers: '无',
  timerWords: {
    timerElection: '选举超时',
    timerAnswer: '等待 Alive',
    timerVictory: '等待 Victory',
    timerLeader: '领导者超时',
    timerNotification: '通知等待',
    timerOther: '计时器',
  },
  message: '消息',
  messageTitle: (kind: string, from: number, to: number) => `${kind}：节点 ${from} → 节点 ${to}`,
  sentAt: '发送于',
  arrivesAt: '到达于',
  diesAt: '消失于',
  droppedBecause: (r: string) => `已丢弃（${r}）`,
  fields: '字段',
  dropReasons: { loss: '丢失', partition: '网络分区', cut: '链路切断', crashed: '接收方已崩溃' },
  eventLog: '事件日志',
  ev: {
    send: (from: number, to: number, label: string) => `${from} → ${to}：${label}`,
    drop: (from: number, to: number, kind: string, reason: string) => `${from} → ${to}：${kind} 被丢弃（${reason}）`,
    state: (node: number, role: string, alive: boolean) => (alive ? `节点 ${node} 现在是${role}` : `节点 ${node} 已停机`),
    fault: (what: string) => `你：${what}`,
    leader: (id: number | null) => (id === null ? '集群没有领导者' : `节点 ${id} 领导集群`),
    write: (node: number, value: string, ok: boolean) => `写入 ${value} 到节点 ${node}：${ok ? '已接受' : '被拒绝'}`,
    commit: (node: number, index: number) => `节点 ${node} 提交条目 ${index}`,
    violation: (inv: string, detail: string) => `安全性违规 ${inv}：${detail}`,
    anomaly: (kind: string, detail: string) => `异常（${kind}）：${detail}`,
  },
  faultWords: (a: Record<string, unknown>) => {
    switch (a.do) {
      case 'crash':
        return `让节点 ${a.node} 崩溃`;
      case 'revive':
        return `恢复节点 ${a.node}`;
      case 'crashLeader':
        return a.node === null ? '让领导者崩溃（当时没有）' : `让领导者崩溃（节点 ${a.node}）`;
      case 'partition':
        return `分割网络 ${(a.groups as number[][]).map((g) => `{${g.join(',')}}`).join(' ')}`;
      case 'heal':
        return '修复网络';
      case 'cut':
        return `切断链路 ${a.from}–${a.to}`;
      case 'restore':
        return `恢复链路 ${a.from}–${a.to}`;
      case 'setDropRate':
        return `丢包率 ${Math.round((a.rate as number) * 100)}%`;
      case 'setLatency':
        return `延迟 ${a.min}–${a.max} 毫秒`;
      case 'write':
        return `客户端写入 ${a.value} 到节点 ${a.node}`;
      default:
        return String(a.do);
    }
  },
  notices: {
    workerRestarted: (detail: string, n: number, t: number) => `模拟停止了（${detail}）。已重新启动，并把你的 ${n} 个操作重放到 ${fmtMs(t)}：没有丢失任何内容。`,
    actionRefused: (detail: string) => `该操作被拒绝：${detail}`,
    scenarioRefused: (detail: string) => `这些设置被拒绝（${detail}），已改用默认值。`,
  },
  violationBanner: (n: number) => `检测到 ${n} 个安全性违规——见事件日志。`,
  splitBrain: '脑裂：两个节点各自领导网络的一部分。',
  problem: (p) => {
    const why: Record<string, string> = {
      notAlgorithm: '必须是 bully、raft 或 zab',
      notInRange: `必须是 ${p.min} 到 ${p.max} 之间的数`,
      notLang: '必须是 en 或 zh',
      notTheme: '必须是 light 或 dark',
      notFlag: '必须是 1 或 0',
      observersNeedZab: '只有 ZAB 有观察者',
      notAvailable: '暂不可用',
    };
    return `已忽略 ${p.param}=${p.value}：${why[p.reason] ?? p.reason}。`;
  },
  dismiss: '关闭',
  keysHelp: '按键：空格 播放/暂停 · → 前进 · ← 后退 · 在节点上按 Enter 打开菜单',
  legend: '图例',
  heartbeat: '心跳（淡色）',
  reply: '回复（空心）',
  lostMsg: '丢失/被阻断（✕）',
  working: '正在启动模拟…',
  recovering: '正在重新启动模拟…',
  stats: (sent: number, inflight: number) => `已发送 ${sent} · 传输中 ${inflight}`,
  language: '语言',
};
