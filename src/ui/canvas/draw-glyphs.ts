/**
 * Drawing the messages layer's glyphs (src/view/message-glyphs.ts) to a 2D canvas, and the same glyphs as SVG
 * markup for exported pictures. One look, two targets: what the canvas shows is what a slide gets.
 */
import type { Glyph } from '../../view/message-glyphs';
import { flowWidth, type Flow } from '../../view/message-flows';
import type { TimerArc } from '../../view/timers';

/** Colours the glyphs take from the page's theme (CSS variables resolved once per draw). */
export interface Theme {
  bg: string;
  fg: string;
}

const DEATH = '#d55e00';
const FONT = '800 19px system-ui, sans-serif';

function deathSize(g: Glyph): number {
  return g.shape === 'pill' ? g.r * 2 * 0.7 : g.quiet ? 9 : g.r * 1.3;
}

function pillPath(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): void {
  const r = h / 2;
  ctx.beginPath();
  ctx.moveTo(x - w / 2 + r, y - r);
  ctx.lineTo(x + w / 2 - r, y - r);
  ctx.arc(x + w / 2 - r, y, r, -Math.PI / 2, Math.PI / 2);
  ctx.lineTo(x - w / 2 + r, y + r);
  ctx.arc(x - w / 2 + r, y, r, Math.PI / 2, (3 * Math.PI) / 2);
  ctx.closePath();
}

/** Draws `glyphs` in view-box units: the caller sets the transform (view box → device pixels). */
export function drawGlyphs(ctx: CanvasRenderingContext2D, glyphs: readonly Glyph[], theme: Theme): void {
  // Specks: one path per colour, the cheap way through thousands (a 101-node election sends O(n²)).
  const specks = new Map<string, Glyph[]>();
  for (const g of glyphs) {
    if (g.shape === 'speck' && !g.dead && g.opacity >= 1) {
      const key = `${g.color}|${g.quiet ? 1 : 0}`;
      let l = specks.get(key);
      if (!l) specks.set(key, (l = []));
      l.push(g);
    }
  }
  for (const [key, l] of specks) {
    ctx.globalAlpha = key.endsWith('|1') ? 0.5 : 1;
    ctx.fillStyle = l[0].color;
    ctx.beginPath();
    for (const g of l) {
      ctx.moveTo(g.x + g.r, g.y);
      ctx.arc(g.x, g.y, g.r, 0, Math.PI * 2);
    }
    ctx.fill();
  }
  for (const g of glyphs) {
    if (g.shape === 'speck' && !g.dead && g.opacity >= 1) continue;
    ctx.globalAlpha = g.opacity * (g.quiet ? 0.5 : 1);
    if (g.shape === 'pill') {
      pillPath(ctx, g.x, g.y, g.w, g.r * 2);
      ctx.fillStyle = g.reply ? theme.bg : g.color;
      ctx.fill();
      ctx.lineWidth = 3.5;
      ctx.strokeStyle = g.color;
      ctx.stroke();
      ctx.font = FONT;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillStyle = g.reply ? theme.fg : '#fff';
      ctx.fillText(g.label, g.x, g.y + 1);
    } else {
      ctx.beginPath();
      ctx.arc(g.x, g.y, g.r, 0, Math.PI * 2);
      if (g.quiet) {
        ctx.fillStyle = g.color;
        ctx.fill();
      } else {
        ctx.fillStyle = g.reply ? theme.bg : g.color;
        ctx.fill();
        ctx.lineWidth = g.r * 0.4;
        ctx.strokeStyle = g.color;
        ctx.stroke();
      }
    }
    if (g.dead) {
      const s = deathSize(g);
      ctx.beginPath();
      ctx.moveTo(g.x - s, g.y - s);
      ctx.lineTo(g.x + s, g.y + s);
      ctx.moveTo(g.x - s, g.y + s);
      ctx.lineTo(g.x + s, g.y - s);
      ctx.lineWidth = 5;
      ctx.lineCap = 'round';
      ctx.strokeStyle = DEATH;
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => x.toFixed(1);

/** The same glyphs as SVG markup (one <g> per message, with its data-msg-* attributes), for exports. */
export function glyphsSvg(glyphs: readonly Glyph[], theme: Theme): string {
  const parts: string[] = [];
  for (const g of glyphs) {
    const op = g.opacity * (g.quiet ? 0.5 : 1);
    let body: string;
    if (g.shape === 'pill') {
      body =
        `<rect x="${n(-g.w / 2)}" y="${n(-g.r)}" width="${n(g.w)}" height="${n(2 * g.r)}" rx="${n(g.r)}" fill="${g.reply ? theme.bg : g.color}" stroke="${g.color}" stroke-width="3.5"/>` +
        `<text text-anchor="middle" dy="0.35em" font-size="19" font-weight="800" font-family="system-ui, sans-serif" fill="${g.reply ? theme.fg : '#fff'}">${esc(g.label)}</text>`;
    } else if (g.quiet) body = `<circle r="${n(g.r)}" fill="${g.color}"/>`;
    else body = `<circle r="${n(g.r)}" fill="${g.reply ? theme.bg : g.color}" stroke="${g.color}" stroke-width="${n(g.r * 0.4)}"/>`;
    if (g.dead) {
      const s = n(deathSize(g));
      body += `<g stroke="${DEATH}" stroke-width="5" stroke-linecap="round"><line x1="-${s}" y1="-${s}" x2="${s}" y2="${s}"/><line x1="-${s}" y1="${s}" x2="${s}" y2="-${s}"/></g>`;
    }
    parts.push(`<g data-msg-id="${g.msg}" data-msg-kind="${esc(g.kind)}" transform="translate(${n(g.x)},${n(g.y)})" opacity="${op.toFixed(2)}">${body}</g>`);
  }
  return `<g class="messages-export">${parts.join('')}</g>`;
}

/** Total in flight over all flows, and the largest band (widths are relative to it). */
function flowScale(flows: readonly Flow[]): { total: number; max: number } {
  let total = 0;
  let max = 0;
  for (const f of flows) {
    total += f.count;
    if (f.count > max) max = f.count;
  }
  return { total, max };
}

/**
 * Aggregated flows: one band per pair of groups, its width by how many fly, dashes marching from sender to
 * receiver at a pace set by sim time (`now`), so a paused picture stands still. Big flows say their count.
 */
export function drawFlows(ctx: CanvasRenderingContext2D, flows: readonly Flow[], now: number, theme: Theme): void {
  const { total, max } = flowScale(flows);
  ctx.lineCap = 'butt';
  for (const f of flows) {
    const w = flowWidth(f.count, max);
    ctx.globalAlpha = 0.75;
    ctx.strokeStyle = f.color;
    ctx.lineWidth = w;
    ctx.setLineDash([w * 1.6, w * 0.9]);
    ctx.lineDashOffset = -((now * 0.12) % (w * 2.5));
    ctx.beginPath();
    if (f.chord) {
      ctx.moveTo(f.chord.p0.x, f.chord.p0.y);
      ctx.quadraticCurveTo(f.chord.c.x, f.chord.c.y, f.chord.p1.x, f.chord.p1.y);
    } else ctx.arc(f.a.x, f.a.y, 18 + w / 2, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  ctx.font = FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 5;
  for (const f of flows) {
    if (!f.chord || f.count < total * 0.04) continue;
    const x = 0.25 * f.chord.p0.x + 0.5 * f.chord.c.x + 0.25 * f.chord.p1.x;
    const y = 0.25 * f.chord.p0.y + 0.5 * f.chord.c.y + 0.25 * f.chord.p1.y;
    ctx.strokeStyle = theme.bg;
    ctx.strokeText(String(f.count), x, y);
    ctx.fillStyle = theme.fg;
    ctx.fillText(String(f.count), x, y);
  }
}

/** The flows as SVG markup (still bands, no motion), for exports. */
export function flowsSvg(flows: readonly Flow[], theme: Theme): string {
  const { total, max } = flowScale(flows);
  const parts: string[] = [];
  for (const f of flows) {
    const w = flowWidth(f.count, max);
    const d = f.chord
      ? `M${n(f.chord.p0.x)},${n(f.chord.p0.y)}Q${n(f.chord.c.x)},${n(f.chord.c.y)} ${n(f.chord.p1.x)},${n(f.chord.p1.y)}`
      : `M${n(f.a.x - 18 - w / 2)},${n(f.a.y)}a${n(18 + w / 2)},${n(18 + w / 2)} 0 1,0 ${n(36 + w)},0a${n(18 + w / 2)},${n(18 + w / 2)} 0 1,0 ${n(-36 - w)},0`;
    parts.push(`<path data-flow="${f.from}-${f.to}" data-flow-count="${f.count}" d="${d}" fill="none" stroke="${f.color}" stroke-width="${n(w)}" stroke-dasharray="${n(w * 1.6)} ${n(w * 0.9)}" opacity="0.75"/>`);
    if (f.chord && f.count >= total * 0.04) {
      const x = 0.25 * f.chord.p0.x + 0.5 * f.chord.c.x + 0.25 * f.chord.p1.x;
      const y = 0.25 * f.chord.p0.y + 0.5 * f.chord.c.y + 0.25 * f.chord.p1.y;
      parts.push(`<text x="${n(x)}" y="${n(y)}" dy="0.35em" text-anchor="middle" font-size="19" font-weight="800" font-family="system-ui, sans-serif" fill="${theme.fg}" stroke="${theme.bg}" stroke-width="5" paint-order="stroke">${f.count}</text>`);
    }
  }
  return `<g class="flows-export">${parts.join('')}</g>`;
}

/** Countdown arcs (src/view/timers.ts), under the messages: from twelve o'clock, clockwise, the part left. */
export function drawArcs(ctx: CanvasRenderingContext2D, arcs: readonly TimerArc[]): void {
  ctx.lineCap = 'butt';
  for (const a of arcs) {
    if (a.left <= 0) continue;
    ctx.beginPath();
    ctx.arc(a.x, a.y, a.r, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI * a.left);
    ctx.lineWidth = a.width;
    ctx.strokeStyle = a.color;
    ctx.stroke();
  }
}

/** The same arcs as SVG for exports: a circle with path length 1 whose dash is the part left. */
export function arcsSvg(arcs: readonly TimerArc[]): string {
  const parts = arcs
    .filter((a) => a.left > 0)
    .map(
      (a) =>
        `<circle data-timer="${esc(a.name)}" data-timer-node="${a.node}" transform="translate(${n(a.x)},${n(a.y)}) rotate(-90)" r="${n(a.r)}" pathLength="1" fill="none" stroke="${a.color}" stroke-width="${n(a.width)}" stroke-dasharray="${a.left.toFixed(4)} 1"/>`,
    );
  return `<g class="timers">${parts.join('')}</g>`;
}
