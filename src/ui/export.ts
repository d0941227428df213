/**
 * Pictures for slides (issue 8): the ring as a standalone SVG (its CSS resolved into attributes, so it looks
 * the same anywhere), as a PNG, and the current lesson step as a PNG with the ring on the left and the step's
 * text on the right. Everything stays in the page: blob URLs, no network.
 */
import { arcsSvg, flowsSvg, glyphsSvg } from './canvas/draw-glyphs';
import { surfaceFor } from './canvas/registry';

const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'paint-order',
  'font-size',
  'font-family',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/**
 * An SVG of the page as a standalone document, `width` × `height` pixels, its view box widened by `pad` on each
 * side, on the page's background colour. The page's CSS is resolved into presentation attributes (the computed
 * value is what shows, so it replaces the element's own), and hidden parts are left out.
 */
export function standaloneSvg(svg: SVGSVGElement, { width, height, pad = 0 }: { width: number; height: number; pad?: number }): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  // Messages in flight and countdown arcs are drawn on a canvas under the SVG (issue 17): the picture gets the
  // same as SVG, under the nodes as on screen.
  const surface = surfaceFor(svg);
  const nodesAt = src.findIndex((e) => e.classList?.contains('nodes'));
  const nodes = nodesAt >= 0 ? dst[nodesAt] : null;
  for (let i = 0; i < src.length; i++) {
    const cs = getComputedStyle(src[i]);
    const el = dst[i] as SVGElement;
    if (cs.getPropertyValue('display') === 'none') {
      el.remove();
      continue;
    }
    for (const p of PROPS) {
      const v = cs.getPropertyValue(p);
      if (v) el.setAttribute(p, v);
    }
    el.removeAttribute('class');
    el.removeAttribute('style');
    el.removeAttribute('tabindex');
  }
  if (surface && (surface.glyphs.length || surface.flows.length || surface.arcs.length)) {
    const markup = arcsSvg(surface.arcs) + (surface.flows.length ? flowsSvg(surface.flows, surface.theme) : glyphsSvg(surface.glyphs, surface.theme));
    const g = new DOMParser().parseFromString(`<svg xmlns="http://www.w3.org/2000/svg"><g>${markup}</g></svg>`, 'image/svg+xml').documentElement.firstElementChild;
    if (g) clone.insertBefore(document.importNode(g, true), nodes && nodes.parentNode === clone ? nodes : null);
  }
  const vb = svg.viewBox.baseVal;
  const box = { x: vb.x - pad, y: vb.y - pad, width: vb.width + 2 * pad, height: vb.height + 2 * pad };
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries(box)) bg.setAttribute(k, String(v));
  bg.setAttribute('fill', getComputedStyle(document.body).backgroundColor || '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** The ring's SVG as a standalone document, `size` pixels square. */
export function ringSvgString(svg: SVGSVGElement, size = 1000): string {
  // The overflow the page allows for labels near the edge: widen the view box a little instead.
  return standaloneSvg(svg, { width: size, height: size, pad: svg.viewBox.baseVal.width * 0.06 });
}

function loadImage(svgText: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the picture could not be drawn'));
    };
    img.src = url;
  });
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
}

/** A standalone SVG document drawn as a PNG of `width` × `height` pixels. */
export async function svgPng(svgText: string, width: number, height: number): Promise<Blob> {
  const img = await loadImage(svgText);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(img, 0, 0, width, height);
  return canvasBlob(canvas);
}

/** The ring as a PNG, `size` pixels square. */
export function ringPng(svg: SVGSVGElement, size = 1600): Promise<Blob> {
  return svgPng(ringSvgString(svg, size), size, size);
}

/** Breaks text into lines that fit `width` (by words, or by characters for Chinese). */
export function wrapText(ctx: Pick<CanvasRenderingContext2D, 'measureText'>, text: string, width: number): string[] {
  const tokens = text.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    const next = line + tok;
    if (line.trim() !== '' && ctx.measureText(next).width > width) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export interface StepPicture {
  kicker: string;
  title: string;
  stepLabel: string;
  text: string;
  question?: { label: string; text: string };
  /** The single pane's status line (side by side, each pane's name is above its ring instead). */
  status?: string;
}

/**
 * A 1920×1080 slide in the page's colours: the ring (or, side by side, each pane's ring under its name) on the
 * left, the lesson step's text on the right.
 */
export async function stepPng(rings: { svg: SVGSVGElement; name?: string }[], p: StepPicture): Promise<Blob> {
  const W = 1920;
  const H = 1080;
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d')!;
  const css = getComputedStyle(document.documentElement);
  const bg = getComputedStyle(document.body).backgroundColor || '#ffffff';
  const fg = css.getPropertyValue('--fg').trim() || '#111111';
  const muted = css.getPropertyValue('--muted').trim() || '#555555';
  const accent = css.getPropertyValue('--accent').trim() || '#0072b2';
  const font = css.fontFamily || 'sans-serif';
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, W, H);
  // One ring: a square of the full height, the text on its right. Several: side by side across the top, each
  // under its name, the text below them.
  const many = rings.length > 1;
  const size = many ? Math.min(W / rings.length, 660) : H;
  const top = many ? 70 : 0;
  const left = many ? (W - size * rings.length) / 2 : 0;
  for (let i = 0; i < rings.length; i++) {
    const img = await loadImage(ringSvgString(rings[i].svg, Math.round(size)));
    ctx.drawImage(img, left + i * size, top, size, size);
    if (rings[i].name) {
      ctx.font = `800 32px ${font}`;
      ctx.fillStyle = fg;
      ctx.textAlign = 'center';
      ctx.fillText(rings[i].name!, left + i * size + size / 2, top - 14);
      ctx.textAlign = 'left';
    }
  }
  const x = many ? 60 : H + 20;
  const width = many ? W - 120 : W - x - 60;
  let y = many ? top + size + 40 : 90;
  ctx.textBaseline = 'alphabetic';
  const para = (text: string, size: number, weight: number, color: string, gap = 1.3) => {
    ctx.font = `${weight} ${size}px ${font}`;
    ctx.fillStyle = color;
    for (const line of wrapText(ctx, text, width)) {
      ctx.fillText(line, x, y);
      y += size * gap;
    }
  };
  if (many) {
    para(`${p.title} · ${p.stepLabel}`, 30, 800, accent, 1.3);
  } else {
    para(p.kicker, 28, 600, muted, 1.7);
    para(p.title, 46, 800, fg, 1.25);
    y += 10;
    para(p.stepLabel, 28, 600, accent);
    y += 8;
  }
  para(p.text, 32, 500, fg, 1.35);
  if (p.question) {
    y += many ? 6 : 24;
    para(`${p.question.label}: ${p.question.text}`, 32, 700, accent, 1.35);
  }
  if (p.status) {
    ctx.font = `700 34px ${font}`;
    ctx.fillStyle = fg;
    ctx.fillText(p.status, 40, 60);
  }
  return canvasBlob(canvas);
}
