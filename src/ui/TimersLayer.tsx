import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { TimerView } from '../protocol';
import type { RingLayout } from '../view/ring';
import { timerRemaining, timerStyle } from '../view/timers';
import { useController } from './context';
import { selectTimers } from './selectors';
import { usePane } from './usePane';

/**
 * Countdown arcs around nodes (election timeouts, Bully's answer / victory / leader timeouts, ZAB's
 * notification wait): React renders one stroked circle per timer when the set changes; the frame loop shortens
 * its dash (`pathLength` 1, so the dash is the fraction left), which needs a repaint only, where reshaping a
 * path's `d` made the browser lay out the whole ring again every frame.
 */
export const TimersLayer = memo(function TimersLayer({ layout }: { layout: RingLayout }) {
  const controller = useController();
  const timers = usePane(selectTimers);
  const list = useMemo(() => {
    const out: (TimerView & { color: string; ring: number })[] = [];
    for (const ts of Object.values(timers)) {
      let ring = 0;
      for (const tm of ts) {
        const st = timerStyle(tm.name);
        if (!st) continue;
        out.push({ ...tm, color: st.color, ring: ring++ });
      }
    }
    return out;
  }, [timers]);
  const refs = useRef(new Map<string, SVGCircleElement>());
  const listRef = useRef(list);
  useLayoutEffect(() => {
    listRef.current = list;
  }, [list]);
  const width = Math.max(3, Math.min(9, layout.nodeRadius * 0.18));

  useEffect(() => {
    const draw = (now: number) => {
      for (const tm of listRef.current) {
        const el = refs.current.get(`${tm.node}:${tm.name}`);
        if (!el) continue;
        el.style.strokeDasharray = `${timerRemaining(now, tm.since, tm.due).toFixed(4)} 1`;
      }
    };
    const off = controller.onFrame(draw);
    draw(controller.time);
    return off;
  }, [controller]);

  useLayoutEffect(() => {
    controller.requestFrame();
  }, [list, controller]);

  return (
    <g className="timers" aria-hidden="true">
      {list.map((tm) => {
        const p = layout.byId.get(tm.node);
        if (!p) return null;
        const key = `${tm.node}:${tm.name}`;
        return (
          // Rotated a quarter turn: the ring starts at twelve o'clock and shrinks clockwise.
          <circle
            key={key}
            data-timer={tm.name}
            data-timer-node={tm.node}
            transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)}) rotate(-90)`}
            r={layout.nodeRadius * 1.2 + 6 + tm.ring * (width + 3) + width / 2}
            pathLength={1}
            fill="none"
            stroke={tm.color}
            strokeWidth={width}
            ref={(el) => {
              if (el) refs.current.set(key, el);
              else refs.current.delete(key);
            }}
          />
        );
      })}
    </g>
  );
});
