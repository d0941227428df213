/**
 * The pane's messages on screen, by message id: a persistent (copy-on-write) table (issue 17, row e).
 *
 * Why not a `Record<number, MessageView>` copied per batch: during ZAB's 101-node cold start ~4,000 messages are
 * on screen and a batch arrives every few milliseconds; `{ ...messages }` per batch, `Object.keys` for the count
 * and `Object.values` for the list each cost time in proportion to every message (V8 keeps such objects as
 * holey element arrays as long as the highest id), and were most of the page's long tasks (traced: 94–170 ms).
 *
 * The table is immutable to its readers, as the Record was: a batch that changes something gives a new table
 * (so zustand selectors and React memos see a new identity), one that changes nothing gives the same table back.
 * Inside, ids are cut into chunks of CHUNK consecutive ids, kept in a directory sorted by chunk number; an edit
 * copies the directory once and only the chunks it touches (ids are given out in order, so a batch's sends land in
 * the last chunks and its deliveries in a few old ones). Size is counted as it goes; iteration runs in ascending
 * id order, the order `Object.values` gave the Record (integer keys ascending), so drawing order is unchanged.
 */
import type { MessageView } from './pane-model';

const SHIFT = 6;
const CHUNK = 1 << SHIFT;

interface Chunk {
  /** Chunk number: the ids `no·CHUNK … no·CHUNK + CHUNK − 1`. */
  no: number;
  items: (MessageView | undefined)[];
  count: number;
}

const chunkOf = (id: number) => Math.floor(id / CHUNK);

/** Index of chunk `no` in `dir`, or `-(insertion point) − 1` when absent. */
function find(dir: readonly Chunk[], no: number): number {
  // Most look-ups are for the newest chunks (sends) : try the end first.
  const last = dir.length - 1;
  if (last >= 0 && dir[last].no === no) return last;
  if (last < 0 || dir[last].no < no) return -(last + 1) - 1;
  let lo = 0;
  let hi = last;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = dir[mid].no;
    if (c === no) return mid;
    if (c < no) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

export class MessageTable implements Iterable<MessageView> {
  static readonly empty = new MessageTable([], 0, 0);

  /** The messages in ascending id order, built once per table when asked for. */
  private list: MessageView[] | null = null;

  private constructor(
    private readonly dir: readonly Chunk[],
    /** How many messages are in the table (O(1)). */
    readonly size: number,
    /** How many of them are dead (`diedAt` set), fading where they died: pruning has nothing to do at 0. */
    readonly dead: number,
  ) {}

  /** A table of these messages (a later one with the same id replaces an earlier one, as assignment did). */
  static from(messages: Iterable<MessageView>): MessageTable {
    const d = MessageTable.empty.edit();
    for (const m of messages) d.set(m);
    return d.done();
  }

  get(id: number): MessageView | undefined {
    const i = find(this.dir, chunkOf(id));
    return i < 0 ? undefined : this.dir[i].items[id - this.dir[i].no * CHUNK];
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  *[Symbol.iterator](): Iterator<MessageView> {
    for (const c of this.dir) for (const m of c.items) if (m !== undefined) yield m;
  }

  /** Calls `fn` for each message in ascending id order; stops early when `fn` returns true. */
  some(fn: (m: MessageView) => boolean): boolean {
    for (const c of this.dir) {
      for (const m of c.items) if (m !== undefined && fn(m)) return true;
    }
    return false;
  }

  /** The messages as an array in ascending id order (one array per table, shared: do not change it). */
  values(): readonly MessageView[] {
    if (this.list) return this.list;
    const out: MessageView[] = new Array(this.size);
    let k = 0;
    for (const c of this.dir) for (const m of c.items) if (m !== undefined) out[k++] = m;
    return (this.list = out);
  }

  /** The ids in ascending order. */
  ids(): number[] {
    return this.values().map((m) => m.msg);
  }

  /** Starts an edit: a draft that copies only what it changes; `done()` gives the new table. */
  edit(): MessageTableDraft {
    return new MessageTableDraft(this, this.dir, this.size, this.dead);
  }

  /** @internal the draft's result. */
  static fromChunks(dir: readonly Chunk[], size: number, dead: number): MessageTable {
    return size === 0 ? MessageTable.empty : new MessageTable(dir, size, dead);
  }
}

/** A table being changed (within one batch). Reads see the changes made so far. */
export class MessageTableDraft {
  private dir: Chunk[] | null = null;
  /** Chunks this draft made (or copied): changed in place from then on. */
  private readonly own = new Set<Chunk>();
  private changed = false;
  private finished = false;

  constructor(
    private readonly base: MessageTable,
    private readonly baseDir: readonly Chunk[],
    private size: number,
    private dead: number,
  ) {}

  private get current(): readonly Chunk[] {
    return this.dir ?? this.baseDir;
  }

  get(id: number): MessageView | undefined {
    const d = this.current;
    const i = find(d, chunkOf(id));
    return i < 0 ? undefined : d[i].items[id - d[i].no * CHUNK];
  }

  /** Puts (or replaces) a message under its id `m.msg`. */
  set(m: MessageView): void {
    this.open();
    const no = chunkOf(m.msg);
    const dir = (this.dir ??= this.baseDir.slice());
    let i = find(dir, no);
    let c: Chunk;
    if (i < 0) {
      c = { no, items: new Array<MessageView | undefined>(CHUNK).fill(undefined), count: 0 };
      this.own.add(c);
      i = -i - 1;
      if (i === dir.length) dir.push(c);
      else dir.splice(i, 0, c);
    } else c = this.writable(dir, i);
    const slot = m.msg - no * CHUNK;
    const old = c.items[slot];
    if (old === undefined) {
      c.count++;
      this.size++;
    } else if (old.diedAt !== undefined) this.dead--;
    if (m.diedAt !== undefined) this.dead++;
    c.items[slot] = m;
    this.changed = true;
  }

  /** Removes the message with this id; nothing happens (and nothing is copied) when there is none. */
  delete(id: number): boolean {
    this.open();
    const no = chunkOf(id);
    const i = find(this.current, no);
    if (i < 0) return false;
    const slot = id - no * CHUNK;
    if (this.current[i].items[slot] === undefined) return false;
    const dir = (this.dir ??= this.baseDir.slice());
    const c = this.writable(dir, i);
    if (c.items[slot]!.diedAt !== undefined) this.dead--;
    c.items[slot] = undefined;
    c.count--;
    this.size--;
    if (c.count === 0) dir.splice(i, 1);
    this.changed = true;
    return true;
  }

  /** The new table, or the old one itself when nothing changed. */
  done(): MessageTable {
    this.finished = true;
    if (!this.changed) return this.base;
    return MessageTable.fromChunks(this.dir ?? this.baseDir, this.size, this.dead);
  }

  /** A finished draft's chunks belong to its table, which must not change. */
  private open(): void {
    if (this.finished) throw new Error('MessageTableDraft: edited after done()');
  }

  private writable(dir: Chunk[], i: number): Chunk {
    const c = dir[i];
    if (this.own.has(c)) return c;
    const copy = { no: c.no, items: c.items.slice(), count: c.count };
    this.own.add(copy);
    dir[i] = copy;
    return copy;
  }
}
