import { describe, expect, it } from 'vitest';
import { chordBetween } from './chord';
import { densityFor, glyphsAt, hitGlyph, SWARM_AT } from './message-glyphs';
import type { GlyphGeo, GlyphInput } from './message-glyphs';

const a = { x: 100, y: 500 };
const b = { x: 900, y: 500 };
const chord = chordBetween(a, b, { x: 500, y: 500 }, 0.22, 10);
const msg = (over: Partial<GlyphInput> = {}): GlyphInput => ({ msg: 1, kind: 'RequestVote', from: 0, to: 1, t: 0, deliverAt: 100, fields: {}, ...over });
const geo = new Map<number, GlyphGeo>([[1, { chord, stopAt: null }]]);

describe('message glyphs (what the canvas draws)', () => {
  it('places a message by (now − send) / (deliver − send), and not before it is sent', () => {
    const [start] = glyphsAt([msg()], geo, 0, 'labels', 300);
    const [mid] = glyphsAt([msg()], geo, 50, 'labels', 300);
    expect(start.x).toBeLessThan(a.x + 30);
    expect(mid.x).toBeGreaterThan(a.x + 100);
    expect(mid.x).toBeLessThan(b.x - 100);
    expect(glyphsAt([msg({ t: 10 })], geo, 5, 'labels', 300)).toEqual([]);
    // A pure function of time: the same time, the same place.
    expect(glyphsAt([msg()], geo, 50, 'labels', 300)).toEqual([mid]);
  });

  it('fades a dropped message and leaves it out once gone', () => {
    const dead = msg({ diedAt: 40 });
    expect(glyphsAt([dead], geo, 40, 'dots', 100)[0].opacity).toBe(1);
    expect(glyphsAt([dead], geo, 90, 'dots', 100)[0].opacity).toBeCloseTo(0.5);
    expect(glyphsAt([dead], geo, 140, 'dots', 100)).toEqual([]);
  });

  it('says less as more fly: labels, dots, specks', () => {
    expect(densityFor([msg()], 'full')).toBe('labels');
    expect(densityFor([msg()], 'sparse')).toBe('dots');
    const many = Array.from({ length: SWARM_AT + 1 }, (_, i) => msg({ msg: i }));
    expect(densityFor(many, 'full')).toBe('specks');
  });

  it('hit-tests the nearest glyph within the tolerance', () => {
    const [g] = glyphsAt([msg()], geo, 50, 'dots', 300);
    expect(hitGlyph([g], g.x + 3, g.y, 4)?.msg).toBe(1);
    expect(hitGlyph([g], g.x + g.r + 3, g.y, 4)?.msg).toBe(1);
    expect(hitGlyph([g], g.x + g.r + 10, g.y, 4)).toBeNull();
    const [p] = glyphsAt([msg()], geo, 50, 'labels', 300);
    expect(hitGlyph([p], p.x + p.w / 2 - 1, p.y, 0)?.msg).toBe(1);
  });
});
