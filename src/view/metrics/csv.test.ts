import { describe, expect, it } from 'vitest';
import { runBatch, runSweep } from '../../engine/batch';
import { defaultScenario } from '../../engine/run';
import { BATCH_COLUMNS, batchCsv, csvField, SWEEP_COLUMNS, sweepCsv, sweepRunsCsv, toCsv } from './csv';
import { histogram } from './histogram';

/** A small RFC 4180 reader, to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes, CR or LF and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('true');
    const text = toCsv(['x', 'y'], [['a,"b"', 'c\r\nd'], [1, null]]);
    expect(text).toBe('x,y\r\n"a,""b""","c\r\nd"\r\n1,\r\n');
    expect(parseCsv(text)).toEqual([['x', 'y'], ['a,"b"', 'c\r\nd'], ['1', '']]);
  });

  it('batch CSV: one row per run with the run numbers', () => {
    const runs = runBatch(defaultScenario({ algorithm: 'raft', seed: 3 }), 3, 1000);
    const rows = parseCsv(batchCsv(runs, { algorithm: 'raft', nodes: 5 }));
    expect(rows[0]).toEqual([...BATCH_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(rows[1].slice(0, 9)).toEqual(
      ['raft', 5, 3, runs[0].stats.firstLeaderAt, runs[0].messagesToElect, runs[0].stats.leaderChanges, runs[0].stats.unavailableMs, runs[0].stats.sent, 0].map(String),
    );
    expect(rows[1].slice(10)).toEqual(['', '']);
  });

  it('sweep CSV: one row per point (and one per run), same width as the header', () => {
    const points = runSweep(defaultScenario({ events: [{ at: 700, do: 'crashLeader' }] }), ['bully', 'raft'], [3, 4], 2, 2000, undefined, { lossAfter: 700 });
    const rows = parseCsv(sweepCsv(points));
    expect(rows[0]).toEqual([...SWEEP_COLUMNS]);
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r).toHaveLength(SWEEP_COLUMNS.length);
    const col = (name: string) => SWEEP_COLUMNS.indexOf(name);
    expect(rows[1][col('algorithm')]).toBe('bully');
    expect(rows[1][col('n')]).toBe('3');
    expect(rows[1][col('messagesToElect_median')]).toBe(String(points[0].stats.messagesToElect.median));
    expect(rows[1][col('messagesToRecover_max')]).toBe(String(points[0].recovery?.messages.max));
    const runRows = parseCsv(sweepRunsCsv(points));
    expect(runRows).toHaveLength(1 + 8);
    expect(runRows[8][0]).toBe('raft');
    expect(runRows[8][BATCH_COLUMNS.indexOf('recoveryMs')]).toBe(String(points[3].runs[1].recovery?.recoveryMs));
  });
});

describe('histogram', () => {
  it('equal-width bins over the range, nulls skipped', () => {
    expect(histogram([])).toEqual([]);
    expect(histogram([1, 2, 2, 3, null, 10], { binWidth: 5 })).toEqual([
      { from: 1, to: 6, count: 4 },
      { from: 6, to: 11, count: 1 },
    ]);
    const h = histogram([0, 0.5, 1], { bins: 2 });
    expect(h.map((b) => b.count)).toEqual([1, 2]);
    expect(histogram([7, 7])).toEqual([{ from: 7, to: 8, count: 2 }]);
    const ints = histogram(Array.from({ length: 100 }, (_, i) => i), { bins: 7 });
    expect(ints.reduce((a, b) => a + b.count, 0)).toBe(100);
    expect(ints.every((b) => Number.isInteger(b.to - b.from))).toBe(true);
  });
});
