import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { MessageView } from '../store/pane-model';
import { fadeMsFor } from '../store/pane-controller';
import { chordBetween, chordPath, pointOnChord, type Chord } from '../view/chord';
import { kindStyle } from '../view/kinds';
import { fadeAfter, flightFraction } from '../view/message-position';
import { stopParam, type PartitionView } from '../view/partition';
import type { RingLayout } from '../view/ring';
import type { NetworkView } from '../protocol';
import { useController } from './context';
import { selectMessages, selectNetwork } from './selectors';
import { usePane } from './usePane';
import { useT } from './useT';

interface Props {
  layout: RingLayout;
  partition: PartitionView;
  /** Labels on messages (off when there are too many to read). */
  onChordClick: (from: number, to: number) => void;
}

interface Geo {
  chord: Chord;
  stopAt: number | null;
}

const PILL_H = 30;
/** Above this many messages on screen, they are drawn as one path per kind (a swarm), not one element each. */
export const SWARM_AT = 300;

type Density = 'labels' | 'dots' | 'specks';

/**
 * Messages in flight. React renders one element per message (only when the set changes); every frame the
 * controller's clock moves them by writing transforms through refs, at (now − send) / (deliver − send).
 */
export const MessagesLayer = memo(function MessagesLayer({ layout, partition, onChordClick }: Props) {
  const t = useT();
  const controller = useController();
  const messages = usePane(selectMessages);
  const network = usePane(selectNetwork) as NetworkView;
  const list = useMemo(() => Object.values(messages), [messages]);
  const loud = list.filter((m) => !kindStyle(m.kind, m.fields).quiet && m.diedAt === undefined).length;
  // The more messages fly, the less each one says: labelled pills, then dots, then small dots without chords.
  const density: Density = layout.labelMode !== 'sparse' && loud <= 14 ? 'labels' : loud <= 80 ? 'dots' : 'specks';
  const geo = useMemo(() => {
    const out = new Map<number, Geo>();
    for (const m of list) {
      const a = layout.byId.get(m.from);
      const b = layout.byId.get(m.to);
      if (!a || !b) continue;
      const chord = chordBetween(a, b, layout.center, 0.22, Math.min(10, layout.nodeRadius * 0.3));
      out.set(m.msg, { chord, stopAt: stopParam(network, partition, chord, m.from, m.to) });
    }
    return out;
  }, [list, layout, network, partition]);
  const refs = useRef(new Map<number, SVGGElement>());
  const geoRef = useRef(geo);
  const listRef = useRef(list);

  useLayoutEffect(() => {
    geoRef.current = geo;
    listRef.current = list;
  }, [geo, list]);

  useEffect(() => {
    const draw = (now: number) => {
      const fade = fadeMsFor(controller.store.getState().speed);
      for (const m of listRef.current) {
        const el = refs.current.get(m.msg);
        const g = geoRef.current.get(m.msg);
        if (!el || !g) continue;
        const p = flightFraction(m, now, m.diedAt === undefined ? g.stopAt : null);
        const pt = pointOnChord(g.chord, m.diedAt !== undefined && !m.lost ? Math.min(p, g.stopAt ?? p) : p);
        el.setAttribute('transform', `translate(${pt.x.toFixed(1)},${pt.y.toFixed(1)})`);
        const vis = m.diedAt === undefined ? (now < m.t ? 0 : 1) : fadeAfter(now, m.diedAt, fade);
        el.style.opacity = String(vis);
      }
    };
    const off = controller.onFrame(draw);
    draw(controller.time);
    return off;
  }, [controller]);

  // New elements get their position before the browser paints them.
  useLayoutEffect(() => {
    controller.requestFrame();
  }, [list, controller]);

  if (list.length > SWARM_AT) return <Swarm list={list} geo={geo} />;

  return (
    <g className="messages">
      <g className="msg-chords">
        {list.map((m) => {
          const g = geo.get(m.msg);
          const st = kindStyle(m.kind, m.fields);
          if (!g || st.quiet || density === 'specks') return null;
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
      {list.map((m) => (
        <MessageGlyph
          key={m.msg}
          m={m}
          density={density}
          setRef={(el) => {
            if (el) refs.current.set(m.msg, el);
            else refs.current.delete(m.msg);
          }}
          onOpen={() => controller.selectMessage(m.msg)}
          title={`${t.messageTitle(m.kind, m.from, m.to)} — ${JSON.stringify(m.fields)}`}
        />
      ))}
    </g>
  );
});

interface GlyphProps {
  m: MessageView;
  density: Density;
  setRef: (el: SVGGElement | null) => void;
  onOpen: () => void;
  title: string;
}

function MessageGlyph({ m, density, setRef, onOpen, title }: GlyphProps) {
  const st = kindStyle(m.kind, m.fields);
  const dead = m.diedAt !== undefined;
  const common = {
    ref: setRef,
    'data-msg-kind': m.kind,
    'data-msg-id': m.msg,
    'data-msg-from': m.from,
    'data-msg-to': m.to,
    'data-dropped': dead ? m.dropReason : undefined,
    onClick: (e: React.MouseEvent) => {
      e.stopPropagation();
      onOpen();
    },
    style: { opacity: 0 },
  };
  if (st.quiet) {
    return (
      <g {...common} className="msg quiet">
        <title>{title}</title>
        <circle r={density === 'specks' ? 4 : 7} fill={st.color} />
        {dead && <DeathMark size={9} />}
      </g>
    );
  }
  if (density !== 'labels') {
    const r = density === 'dots' ? 10 : 5;
    return (
      <g {...common} className={`msg${st.reply ? ' reply' : ''}`}>
        <title>{title}</title>
        <circle r={r} fill={st.reply ? 'var(--bg)' : st.color} stroke={st.color} strokeWidth={r * 0.4} />
        {dead && <DeathMark size={r * 1.3} />}
      </g>
    );
  }
  const w = Math.max(44, st.label.length * 12.5 + 18);
  return (
    <g {...common} className={`msg${st.reply ? ' reply' : ''}`}>
      <title>{title}</title>
      <rect x={-w / 2} y={-PILL_H / 2} width={w} height={PILL_H} rx={PILL_H / 2} fill={st.reply ? 'var(--bg)' : st.color} stroke={st.color} strokeWidth={3.5} />
      <text className="msg-label" textAnchor="middle" dy="0.35em" fill={st.reply ? 'var(--fg)' : '#fff'}>
        {st.label}
      </text>
      {dead && <DeathMark size={PILL_H * 0.7} />}
    </g>
  );
}

/** A dropped message: a bold ✕ over it where it died. */
function DeathMark({ size }: { size: number }) {
  return (
    <g className="death">
      <line x1={-size} y1={-size} x2={size} y2={size} />
      <line x1={-size} y1={size} x2={size} y2={-size} />
    </g>
  );
}

/**
 * Thousands of messages (a 101-node Bully election sends O(n²)): one <path> of small dots per kind,
 * rewritten each frame, keeps the frame cheap while still showing the storm and each kind's colour.
 */
function Swarm({ list, geo }: { list: MessageView[]; geo: Map<number, Geo> }) {
  const controller = useController();
  const kinds = useMemo(() => {
    const by = new Map<string, MessageView[]>();
    for (const m of list) {
      if (!by.has(m.kind)) by.set(m.kind, []);
      by.get(m.kind)!.push(m);
    }
    return by;
  }, [list]);
  const refs = useRef(new Map<string, SVGPathElement>());
  const state = useRef({ kinds, geo });
  useLayoutEffect(() => {
    state.current = { kinds, geo };
    controller.requestFrame();
  }, [kinds, geo, controller]);
  useEffect(() => {
    const draw = (now: number) => {
      const { kinds: ks, geo: gs } = state.current;
      for (const [kind, ms] of ks) {
        const el = refs.current.get(kind);
        if (!el) continue;
        const r = 4;
        const parts: string[] = [];
        for (const m of ms) {
          const g = gs.get(m.msg);
          if (!g || m.diedAt !== undefined || now < m.t) continue;
          const pt = pointOnChord(g.chord, flightFraction(m, now, g.stopAt));
          parts.push(`M${(pt.x - r).toFixed(1)},${pt.y.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`);
        }
        el.setAttribute('d', parts.join(''));
      }
    };
    const off = controller.onFrame(draw);
    draw(controller.time);
    return off;
  }, [controller]);
  return (
    <g className="messages swarm">
      {[...kinds.keys()].map((kind) => {
        const st = kindStyle(kind);
        return (
          <path
            key={kind}
            data-msg-kind={kind}
            className={st.quiet ? 'quiet' : undefined}
            fill={st.color}
            ref={(el) => {
              if (el) refs.current.set(kind, el);
              else refs.current.delete(kind);
            }}
          />
        );
      })}
    </g>
  );
}
