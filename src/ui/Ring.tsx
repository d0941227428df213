import { useCallback, useMemo, useRef, useState, type PointerEvent as RPointerEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeId } from '../engine/core/types';
import type { NetworkView } from '../protocol';
import { partitionView, splitByLine } from '../view/partition';
import { hitGlyph } from '../view/message-glyphs';
import { ringLayout, VIEW_SIZE, type Point } from '../view/ring';
import { commands } from './actions';
import { useAppStoreApi, useController } from './context';
import { surfaceFor } from './canvas/registry';
import { MessageChords, MessagesCanvas } from './MessagesLayer';
import { NetworkLayer } from './NetworkLayer';
import { LessonHighlight } from './lessons/LessonHighlight';
import { NodeMenu } from './NodeMenu';
import { RingNode } from './RingNode';
import { selectAlgorithm, selectNetwork } from './selectors';
import { useApp } from './useApp';
import { useBoxSize } from './useBoxSize';
import { usePane } from './usePane';
import { useT } from './useT';

const selectIds = (s: { voters: NodeId[]; observers: NodeId[] }) => [...s.voters, ...s.observers];
const selectObserverIds = (s: { observers: NodeId[] }) => s.observers;
const selectTool = (s: { tool: 'none' | 'split' }) => s.tool;

/** The live ring: SVG owned by React; layout, chords and arcs from src/view; motion from the one frame loop. */
export function Ring() {
  const t = useT();
  const controller = useController();
  const app = useAppStoreApi();
  const ids = usePane(useShallow(selectIds));
  const observers = usePane(selectObserverIds);
  const algorithm = usePane(selectAlgorithm);
  const network = usePane(selectNetwork) as NetworkView;
  const tool = useApp(selectTool);
  const layout = useMemo(() => ringLayout(ids), [ids]);
  const partition = useMemo(() => partitionView(network, layout), [network, layout]);
  const observerSet = useMemo(() => new Set(observers), [observers]);
  const [menu, setMenu] = useState<{ node: NodeId; x: number; y: number } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ a: Point; b: Point } | null>(null);
  const box = useBoxSize(boxRef);

  const toSvg = (clientX: number, clientY: number): Point => {
    const svg = svgRef.current!;
    const m = svg.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  };

  const openMenu = useCallback(
    (id: NodeId) => {
      const svg = svgRef.current;
      const box = boxRef.current;
      const place = layout.byId.get(id);
      if (!svg || !box || !place) return;
      const m = svg.getScreenCTM();
      const b = box.getBoundingClientRect();
      const p = m ? new DOMPoint(place.x, place.y).matrixTransform(m) : { x: 0, y: 0 };
      const x = Math.min(p.x - b.left + 12, b.width - 190);
      const y = Math.min(p.y - b.top + 12, b.height - 230);
      setMenu({ node: id, x: Math.max(4, x), y: Math.max(4, y) });
      controller.inspect(id);
    },
    [layout, controller],
  );

  const closeMenu = useCallback((refocus: boolean) => {
    setMenu((m) => {
      if (m && refocus) {
        const el = svgRef.current?.querySelector<SVGGElement>(`[data-node-id="${m.node}"]`);
        setTimeout(() => el?.focus(), 0);
      }
      return null;
    });
  }, []);

  const onChordClick = useCallback(
    (a: number, b: number) => commands.toggleLink(controller, controller.store.getState().network, a, b),
    [controller],
  );
  const onRestore = useCallback((a: number, b: number) => controller.act({ do: 'restore', from: a, to: b }), [controller]);

  const onDown = (e: RPointerEvent) => {
    if (tool !== 'split') return;
    const a = toSvg(e.clientX, e.clientY);
    setDrag({ a, b: a });
    (e.target as Element).setPointerCapture?.(e.pointerId);
  };
  const onMove = (e: RPointerEvent) => {
    if (tool !== 'split' || !drag) return;
    setDrag({ a: drag.a, b: toSvg(e.clientX, e.clientY) });
  };
  const onUp = () => {
    if (tool !== 'split' || !drag) return;
    const { a, b } = drag;
    setDrag(null);
    if (Math.hypot(b.x - a.x, b.y - a.y) < 20) return;
    const [left, right] = splitByLine(layout, a, b);
    if (left.length && right.length) {
      commands.partition(controller, [left, right]);
      app.setState({ tool: 'none' });
    }
  };
  // Messages are drawn on the canvas under the SVG: a click anywhere but on a node is hit-tested against what
  // it drew (the nearest message within a few pixels), before a chord under it takes the click as a link cut.
  const onClickCapture = (e: React.MouseEvent) => {
    const svg = svgRef.current;
    if (!svg || tool === 'split' || (e.target as Element).closest?.('.nodes')) return;
    const surface = surfaceFor(svg);
    if (!surface?.glyphs.length) return;
    const p = toSvg(e.clientX, e.clientY);
    const scale = box ? Math.min(box.width, box.height) / VIEW_SIZE : 1;
    const hit = hitGlyph(surface.glyphs, p.x, p.y, 6 / (scale || 1));
    if (!hit) return;
    e.stopPropagation();
    controller.selectMessage(hit.msg);
  };
  const preview = drag && tool === 'split' ? splitByLine(layout, drag.a, drag.b) : null;

  return (
    <div className={`ring-box${tool === 'split' ? ' splitting' : ''}`} ref={boxRef}>
      <MessagesCanvas layout={layout} partition={partition} box={box} svgRef={svgRef} />
      <svg
        ref={svgRef}
        className="ring"
        width={box?.width ?? '100%'}
        height={box?.height ?? '100%'}
        viewBox={`0 0 ${VIEW_SIZE} ${VIEW_SIZE}`}
        preserveAspectRatio="xMidYMid meet"
        data-label-mode={layout.labelMode}
        data-split-tool={tool === 'split' ? 'on' : undefined}
        onClickCapture={onClickCapture}
      >
        <circle className="ring-circle" cx={layout.center.x} cy={layout.center.y} r={layout.radius} />
        <NetworkLayer layout={layout} partition={partition} network={network} onRestore={onRestore} />
        <MessageChords layout={layout} partition={partition} onChordClick={onChordClick} />
        <LessonHighlight layout={layout} algorithm={algorithm} />
        <g className="nodes">
          {layout.places.map((p, i) => (
            <RingNode
              key={p.id}
              id={p.id}
              place={p}
              index={i}
              layout={layout}
              algorithm={algorithm}
              isObserver={observerSet.has(p.id)}
              onOpen={openMenu}
            />
          ))}
        </g>
        {tool === 'split' && (
          <rect
            className="split-surface"
            data-testid="split-surface"
            x={0}
            y={0}
            width={VIEW_SIZE}
            height={VIEW_SIZE}
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
          />
        )}
        {drag && tool === 'split' && (
          <g className="split-preview" pointerEvents="none">
            <line x1={drag.a.x} y1={drag.a.y} x2={drag.b.x} y2={drag.b.y} />
            {preview?.[0].map((id) => {
              const p = layout.byId.get(id)!;
              return <circle key={id} cx={p.x} cy={p.y} r={layout.nodeRadius * 1.5} className="side-a" />;
            })}
          </g>
        )}
      </svg>
      {tool === 'split' && <p className="tool-hint">{t.splitHint}</p>}
      {menu && <NodeMenu node={menu.node} x={menu.x} y={menu.y} onClose={closeMenu} />}
    </div>
  );
}
