import { useEffect, useState } from 'react';
import type { NodeId } from '../engine/core/types';
import type { NetworkView } from '../protocol';
import { commands } from './actions';
import { useAppStoreApi, useController } from './context';
import { selectNetwork } from './selectors';
import { useApp } from './useApp';
import { usePane } from './usePane';
import { useT } from './useT';

const selectTool = (s: { tool: 'none' | 'split' }) => s.tool;

/** A slider that applies its value when released (one action, not one per pixel of drag). */
function CommitSlider(props: { label: string; value: number; min: number; max: number; step: number; format: (v: number) => string; onCommit: (v: number) => void }) {
  const [v, setV] = useState(props.value);
  useEffect(() => setV(props.value), [props.value]);
  const commit = () => {
    if (v !== props.value) props.onCommit(v);
  };
  return (
    <label className="slider">
      <span>
        {props.label}: <strong>{props.format(v)}</strong>
      </span>
      <input
        type="range"
        aria-label={props.label}
        min={props.min}
        max={props.max}
        step={props.step}
        value={v}
        onChange={(e) => setV(Number(e.target.value))}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
        onKeyDown={(e) => e.stopPropagation()}
      />
    </label>
  );
}

/** Faults of the network: heal, split (draw or pick groups), loss and latency. */
export function NetworkPanel() {
  const t = useT();
  const c = useController();
  const app = useAppStoreApi();
  const tool = useApp(selectTool);
  const network = usePane(selectNetwork) as NetworkView;
  const ids = usePane((s) => s.voters.length + s.observers.length);
  const [picking, setPicking] = useState<Set<NodeId> | null>(null);

  return (
    <section className="panel" aria-labelledby="net-h">
      <h2 id="net-h">{t.network}</h2>
      <div className="row">
        <button type="button" onClick={() => commands.heal(c)}>
          {t.healNetwork}
        </button>
        <button type="button" aria-pressed={tool === 'split'} onClick={() => app.setState({ tool: tool === 'split' ? 'none' : 'split' })}>
          ✎ {t.splitNetwork}
        </button>
        <button type="button" aria-expanded={picking !== null} onClick={() => setPicking(picking ? null : new Set())}>
          {t.pickGroups}
        </button>
      </div>
      {picking && (
        <fieldset className="pick-groups">
          <legend>{t.groupB}</legend>
          <div className="pick-list">
            {Array.from({ length: ids }, (_, i) => i + 1).map((id) => (
              <label key={id}>
                <input
                  type="checkbox"
                  checked={picking.has(id)}
                  onChange={(e) => {
                    const next = new Set(picking);
                    if (e.target.checked) next.add(id);
                    else next.delete(id);
                    setPicking(next);
                  }}
                />
                {id}
              </label>
            ))}
          </div>
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={picking.size === 0 || picking.size === ids}
              onClick={() => {
                const all = Array.from({ length: ids }, (_, i) => i + 1);
                commands.partition(c, [all.filter((id) => !picking.has(id)), all.filter((id) => picking.has(id))]);
                setPicking(null);
              }}
            >
              {t.applySplit}
            </button>
            <button type="button" onClick={() => setPicking(null)}>
              {t.cancel}
            </button>
          </div>
        </fieldset>
      )}
      <CommitSlider label={t.loss} value={network.dropRate} min={0} max={0.5} step={0.05} format={t.percent} onCommit={(v) => commands.setDropRate(c, v)} />
      <CommitSlider
        label={t.latencyMax}
        value={network.latency.max}
        min={Math.max(1, network.latency.min)}
        max={300}
        step={5}
        format={t.ms}
        onCommit={(v) => commands.setLatency(c, Math.min(network.latency.min, v), v)}
      />
    </section>
  );
}
