import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { profileOf } from '../engine/algorithms/profiles';
import type { NodeId } from '../engine/core/types';
import { crashDiffersFromPowerOff } from '../view/transport';
import { commands } from './actions';
import { useController } from './context';
import { usePane } from './usePane';
import { useT } from './useT';

interface Props {
  node: NodeId;
  /** Where to show it, in pixels relative to the ring's box. */
  x: number;
  y: number;
  onClose: (refocus: boolean) => void;
}

/**
 * A node's actions: Crash, Power off (where the algorithm's transport tells them apart), Revive, Isolate, Client
 * write (where the algorithm has writes), Inspect.
 */
export function NodeMenu({ node, x, y, onClose }: Props) {
  const t = useT();
  const c = useController();
  const alive = usePane((s) => s.nodes[node]?.alive ?? true);
  const algorithm = usePane((s) => s.config.algorithm);
  const ref = useRef<HTMLDivElement>(null);
  // Kept inside the ring's box, measured once drawn: a menu that hangs below it lies under the timeline strip,
  // which then takes the clicks meant for the menu's last items.
  const [top, setTop] = useState(y);
  useLayoutEffect(() => {
    const el = ref.current;
    const room = el?.offsetParent?.clientHeight;
    if (!el || !room) return;
    setTop(Math.max(4, Math.min(y, room - el.offsetHeight - 4)));
  }, [y]);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
  }, []);

  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose(false);
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [onClose]);

  // Compare mode: an action applies to this node in every pane, or to this pane only ("This pane only" or Shift).
  const link = c.clockLink;
  const [only, setOnly] = useState(false);
  const run = (fn: () => void) => (e?: { shiftKey?: boolean }) => {
    if (link && (only || e?.shiftKey)) link.only(fn);
    else fn();
    onClose(true);
  };
  const items: { label: string; title?: string; run: () => void; disabled?: boolean }[] = [
    { label: t.crash, run: () => commands.crash(c, node), disabled: !alive },
    ...(crashDiffersFromPowerOff(algorithm) ? [{ label: t.powerOff, title: t.powerOffHint, run: () => commands.powerOff(c, node), disabled: !alive }] : []),
    { label: t.revive, run: () => commands.revive(c, node), disabled: alive },
    { label: t.isolate, run: () => commands.isolate(c, node) },
  ];
  if (profileOf(algorithm)?.acceptsWrites) items.push({ label: t.clientWrite, run: () => commands.write(c, node) });
  items.push({ label: t.inspect, run: () => c.inspect(node) });

  const onKey = (e: KeyboardEvent) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled]), [role="menuitemcheckbox"]') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const d = e.key === 'ArrowDown' ? 1 : -1;
      all[(i + d + all.length) % all.length]?.focus();
    } else if (e.key === 'Home') {
      e.preventDefault();
      all[0]?.focus();
    } else if (e.key === 'End') {
      e.preventDefault();
      all[all.length - 1]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose(true);
    } else if (e.key === 'Tab') {
      onClose(false);
    }
    e.stopPropagation();
  };

  return (
    <div ref={ref} className="node-menu" role="menu" aria-label={t.nodeActions(node)} style={{ left: x, top }} onKeyDown={onKey}>
      <div className="menu-title" aria-hidden="true">
        {t.nodeActions(node)}
      </div>
      {items.map((it) => (
        <button key={it.label} type="button" role="menuitem" title={it.title} disabled={it.disabled} onClick={run(it.run)} tabIndex={-1}>
          {it.label}
        </button>
      ))}
      {link && (
        <button type="button" role="menuitemcheckbox" aria-checked={only} className="menu-scope" title={t.compare.paneOnlyHint} onClick={() => setOnly((v) => !v)} tabIndex={-1}>
          <span aria-hidden="true">{only ? '☑' : '☐'}</span> {t.compare.paneOnly}
        </button>
      )}
    </div>
  );
}
