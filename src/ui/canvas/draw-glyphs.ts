/**
 * Drawing the messages layer's glyphs (src/view/message-glyphs.ts) to a 2D canvas, and the same glyphs as SVG
 * markup for exported pictures. One look, two targets: what the canvas shows is what a slide gets.
 */
import type { Glyph } from '../../view/message-glyphs';

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
