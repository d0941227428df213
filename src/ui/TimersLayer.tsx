import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { TimerView } from '../protocol';
import type { RingLayout } from '../view/ring';
import { countdownArc, timerRemaining, timerStyle } from '../view/timers';
import { useController } from './context';
import { selectTimers } from './selectors';
import { usePane } from './usePane';

/**
 * Countdown arcs around nodes (election timeouts, Bully's answer / victory / leader timeouts, ZAB's
 * notification wait): React renders one path per timer when the set changes; the frame loop reshapes them.
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
  const refs = useRef(new Map<string, SVGPathElement>());
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
        const inner = layout.nodeRadius * 1.2 + 6 + tm.ring * (width + 3);
        el.setAttribute('d', countdownArc(inner, width, timerRemaining(now, tm.since, tm.due)));
      }
    };
    const off = controller.onFrame(draw);
    draw(controller.time);
    return off;
  }, [controller, layout, width]);

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
          <path
            key={key}
            data-timer={tm.name}
            data-timer-node={tm.node}
            transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}
            fill={tm.color}
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
