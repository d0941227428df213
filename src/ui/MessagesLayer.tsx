import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { MessageView } from '../store/pane-model';
import { fadeMsFor } from '../store/pane-controller';
import { chordBetween, chordPath } from '../view/chord';
import { kindStyle } from '../view/kinds';
import { densityFor, glyphsAt, type GlyphGeo } from '../view/message-glyphs';
import { FLOWS_AT, flowGroups, flowsAt } from '../view/message-flows';
import { stopParam, type PartitionView } from '../view/partition';
import { timerArcs } from '../view/timers';
import { VIEW_SIZE, type RingLayout } from '../view/ring';
import type { NetworkView } from '../protocol';
import { drawArcs, drawFlows, drawGlyphs, type Theme } from './canvas/draw-glyphs';
import { registerSurface, TEST_HOOK, type MessageSurface } from './canvas/registry';
import { useController } from './context';
import { selectMessages, selectNetwork, selectTimers } from './selectors';
import { usePane } from './usePane';
import { useT } from './useT';

/** The messages on screen and each one's chord (with where a partition stops it). */
function useMessageGeo(layout: RingLayout, partition: PartitionView) {
  const messages = usePane(selectMessages);
  const network = usePane(selectNetwork) as NetworkView;
  // One array per table, in ascending id order (the table builds it once, however many components ask).
  const list = messages.values();
  const flows = list.length > FLOWS_AT;
  const geo = useMemo(() => {
    const out = new Map<number, GlyphGeo>();
    // Flows need no chord per message: thousands of them would cost a long task each time the set changes.
    if (flows) return out;
    for (const m of list) {
      const a = layout.byId.get(m.from);
      const b = layout.byId.get(m.to);
      if (!a || !b) continue;
      const chord = chordBetween(a, b, layout.center, 0.22, Math.min(10, layout.nodeRadius * 0.3));
      out.set(m.msg, { chord, stopAt: stopParam(network, partition, chord, m.from, m.to) });
    }
    return out;
  }, [list, layout, network, partition, flows]);
  const density = useMemo(() => densityFor(list, layout.labelMode), [list, layout.labelMode]);
  return { list, geo, density, flows };
}

interface ChordProps {
  layout: RingLayout;
  partition: PartitionView;
  onChordClick: (from: number, to: number) => void;
}

/** Each loud message's chord, in the SVG (clickable: a click cuts or restores that link). */
export const MessageChords = memo(function MessageChords({ layout, partition, onChordClick }: ChordProps) {
  const t = useT();
  const { list, geo, density } = useMessageGeo(layout, partition);
  if (density === 'specks') return null;
  return (
    <g className="msg-chords">
      {list.map((m: MessageView) => {
        const g = geo.get(m.msg);
        const st = kindStyle(m.kind, m.fields);
        if (!g || st.quiet) return null;
        return (
          <path
            key={m.msg}
            d={chordPath(g.chord)}
            className="msg-chord"
            stroke={st.color}
            onClick={(e) => {
              e.stopPropagation();
              onChordClick(m.from, m.to);
            }}
          >
            <title>{t.cutLink(m.from, m.to)}</title>
          </path>
        );
      })}
    </g>
  );
});

interface CanvasProps {
  layout: RingLayout;
  partition: PartitionView;
  /** The ring box's size in CSS pixels (the SVG's), or null before it is measured. */
  box: { width: number; height: number } | null;
  svgRef: React.RefObject<SVGSVGElement | null>;
}

function readTheme(el: Element): Theme {
  const cs = getComputedStyle(el);
  return { bg: cs.getPropertyValue('--bg').trim() || '#fff', fg: cs.getPropertyValue('--fg').trim() || '#000' };
}

/**
 * Messages in flight on one 2D canvas under the ring's SVG (issue 17): React renders the canvas once; every
 * frame the controller's clock redraws the glyphs, each at (now − send) / (deliver − send) of its chord. The
 * canvas has the SVG's size and view box (device-pixel-ratio aware); the glyphs it drew stay on the surface
 * for clicks (hit-tested in view math) and exports.
 */
export const MessagesCanvas = memo(function MessagesCanvas({ layout, partition, box, svgRef }: CanvasProps) {
  const controller = useController();
  const { list, geo, density, flows } = useMessageGeo(layout, partition);
  const grouping = useMemo(() => (flows ? flowGroups(layout) : null), [flows, layout]);
  const timers = usePane(selectTimers);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const state = useRef({ list, geo, density, box, grouping, timers, layout });
  const surface = useRef<MessageSurface>({ glyphs: [], flows: [], arcs: [], theme: { bg: '#fff', fg: '#000' } });
  // --bg and --fg come from the root's data-theme alone. They are read when it changes, not after every batch:
  // getComputedStyle per batch forced a style recalculation at 101 nodes (issue 17, row e).
  const themeStale = useRef(true);

  useLayoutEffect(() => {
    state.current = { list, geo, density, box, grouping, timers, layout };
    controller.requestFrame();
  }, [list, geo, density, box, grouping, timers, layout, controller]);

  useEffect(() => {
    const svg = svgRef.current;
    return svg ? registerSurface(svg, surface.current) : undefined;
  }, [svgRef]);

  // A theme switched while paused redraws in the new colours.
  useEffect(() => {
    const watch = new MutationObserver(() => {
      themeStale.current = true;
      controller.requestFrame();
    });
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => watch.disconnect();
  }, [controller]);

  useEffect(() => {
    let lastKey = '';
    const draw = (now: number) => {
      const canvas = canvasRef.current;
      const { list: l, geo: g, density: d, box: b, grouping: gr, timers: tm, layout: lay } = state.current;
      if (!canvas || !b) return;
      if (themeStale.current) {
        themeStale.current = false;
        surface.current.theme = readTheme(canvas);
      }
      const dpr = window.devicePixelRatio || 1;
      const w = Math.max(1, Math.round(b.width * dpr));
      const h = Math.max(1, Math.round(b.height * dpr));
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      const flowList = gr ? flowsAt(l, gr, now) : [];
      const glyphs = gr ? [] : glyphsAt(l, g, now, d, fadeMsFor(controller.store.getState().speed));
      const arcs = timerArcs(tm, lay, now);
      surface.current.glyphs = glyphs;
      surface.current.flows = flowList;
      surface.current.arcs = arcs;
      // The SVG's viewBox with preserveAspectRatio "xMidYMid meet": one scale, centred.
      const s = Math.min(b.width, b.height) / VIEW_SIZE;
      const ox = (b.width - s * VIEW_SIZE) / 2;
      const oy = (b.height - s * VIEW_SIZE) / 2;
      // `?test=1`: what was drawn, as data; a glyph's CSS pixel in the canvas is (ox + scale·x, oy + scale·y).
      if (TEST_HOOK) (canvas as unknown as { __drawn: unknown }).__drawn = { time: now, dpr, width: w, height: h, scale: s, ox, oy, density: gr ? 'flows' : d, theme: surface.current.theme, glyphs, flows: flowList.map(({ from, to, count, kind }) => ({ from, to, count, kind })), arcs };
      // Nothing on screen before or now: skip the clear (an idle pane costs nothing per frame).
      const key = glyphs.length || flowList.length || arcs.length ? '' : `${w}x${h}`;
      if (key && key === lastKey) return;
      lastKey = key;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
      ctx.setTransform(dpr * s, 0, 0, dpr * s, dpr * ox, dpr * oy);
      drawArcs(ctx, arcs);
      if (gr) drawFlows(ctx, flowList, now, surface.current.theme);
      else drawGlyphs(ctx, glyphs, surface.current.theme);
    };
    const off = controller.onFrame(draw);
    draw(controller.time);
    return off;
  }, [controller]);

  return (
    <canvas
      ref={canvasRef}
      className="msg-canvas"
      data-testid="msg-canvas"
      aria-hidden="true"
      style={{ width: box?.width ?? '100%', height: box?.height ?? '100%' }}
    />
  );
});
