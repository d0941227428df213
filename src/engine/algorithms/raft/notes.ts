/**
 * Narration notes for the UI. The seed text describes Raft loosely: it says a leader has a term that "ends"
 * (任期到了), as if leadership expired on a schedule. Real Raft (protocols.md §1) has no such expiry: a term
 * is a logical clock, and a leader keeps leading for as long as its heartbeats reach a majority.
 */

export interface Note {
  en: string;
  zh: string;
}

/** Why a Raft term does not "expire" (the seed's wording) and what really ends a leader's term. */
export const TERM_DOES_NOT_EXPIRE: Note = {
  en:
    'The original text says a leader steps down "when its term is up", as if terms expired on a timer. ' +
    'In Raft they do not. A term is a number, a logical clock: each election starts a new term, and a term ' +
    'has at most one leader. A leader keeps its term for as long as its heartbeats keep followers from timing ' +
    'out; nothing ends it on a schedule. A leader stops leading only when it crashes, when it sees a message ' +
    'with a higher term (some node started a new election, and the term on that message is larger), or, with ' +
    'CheckQuorum on, when it has not heard from a majority for one election timeout. Elections are therefore ' +
    'not periodic: with a stable network, one leader can lead one term forever.',
  zh:
    '原文说"当 Leader 节点的任期到了"就会降级并重新选举，好像任期会按时到期。Raft 中任期并不会到期。' +
    '任期（term）只是一个编号，一个逻辑时钟：每次选举开启一个新任期，每个任期最多只有一个 Leader。' +
    '只要 Leader 的心跳能让 Follower 的选举计时器不超时，它就一直保持这个任期，没有任何定时机制会结束它。' +
    'Leader 只会在以下情况下不再担任 Leader：它崩溃了；它收到了任期号更大的消息（说明有节点发起了新的选举）；' +
    '或者开启了 CheckQuorum 时，它在一个选举超时内没有收到多数节点的回应。因此选举并不是周期性的：' +
    '网络稳定时，一个 Leader 可以在同一个任期内一直领导下去。',
};

/** The seed's "all nodes become candidates at once" versus Raft's randomized timeouts. */
export const RANDOMIZED_TIMEOUTS: Note = {
  en:
    'The original text says that when an election starts, all followers become candidates. In Raft each ' +
    'follower waits for its own randomly drawn election timeout (150–300 ms by default) and only the first ' +
    'one to time out usually becomes a candidate; randomization is what keeps votes from splitting.',
  zh:
    '原文说开始选主时所有节点都转为 Candidate。在 Raft 中，每个 Follower 各自等待一个随机抽取的选举超时' +
    '（默认 150–300 毫秒），通常只有最先超时的节点成为 Candidate；正是这种随机化让选票不容易被瓜分。',
};

export const RAFT_NOTES = { termDoesNotExpire: TERM_DOES_NOT_EXPIRE, randomizedTimeouts: RANDOMIZED_TIMEOUTS } as const;
