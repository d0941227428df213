/**
 * Which glyphs and countdown arcs a ring's canvas drew last, by the ring's <svg>: exports draw them into the picture, clicks
 * hit-test them. A WeakMap, so a closed pane leaves nothing behind.
 */
import type { Glyph } from '../../view/message-glyphs';
import type { Flow } from '../../view/message-flows';
import type { TimerArc } from '../../view/timers';
import type { Theme } from './draw-glyphs';

export interface MessageSurface {
  glyphs: Glyph[];
  /** Above FLOWS_AT messages: the aggregated flows drawn instead of the glyphs (which are then empty). */
  flows: Flow[];
  /** The countdown arcs drawn under the messages. */
  arcs: TimerArc[];
  theme: Theme;
}

const surfaces = new WeakMap<SVGSVGElement, MessageSurface>();

export function surfaceFor(svg: SVGSVGElement): MessageSurface | undefined {
  return surfaces.get(svg);
}

export function registerSurface(svg: SVGSVGElement, s: MessageSurface): () => void {
  surfaces.set(svg, s);
  return () => {
    if (surfaces.get(svg) === s) surfaces.delete(svg);
  };
}

/** `?test=1`: the canvas keeps what it drew on its element (`canvas.__drawn`), for end-to-end tests. */
export const TEST_HOOK = typeof location !== 'undefined' && new URLSearchParams(location.search).get('test') === '1';
