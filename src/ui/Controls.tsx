import { type ChangeEvent } from 'react';
import { ALGORITHM_NAMES, type AlgorithmName } from '../engine/core/types';
import { MAX_NODES, MAX_SEED } from '../store/url-params';
import { useController } from './context';
import { selectConfig, selectPlaying, selectSpeed } from './selectors';
import { useApp } from './useApp';
import { usePane } from './usePane';
import { NumberField } from './NumberField';
import { PlaybackButtons } from './PlaybackButtons';
import { SpeedSelect } from './SpeedSelect';
import { useT } from './useT';

const selectAlgorithms = (s: { algorithms: { name: AlgorithmName; supportsObservers: boolean }[] | null }) => s.algorithms;

export function Controls() {
  const t = useT();
  const c = useController();
  const config = usePane(selectConfig);
  const playing = usePane(selectPlaying);
  const speed = usePane(selectSpeed);
  const algorithms = useApp(selectAlgorithms);
  const available = new Set((algorithms ?? []).map((a) => a.name));
  const supportsObservers = (algorithms ?? []).find((a) => a.name === config.algorithm)?.supportsObservers ?? false;

  const onAlgorithm = (e: ChangeEvent<HTMLSelectElement>) => {
    const algorithm = e.target.value as AlgorithmName;
    const sup = (algorithms ?? []).find((a) => a.name === algorithm)?.supportsObservers ?? false;
    c.reset({ ...config, algorithm, options: {}, observers: sup ? config.observers : 0 });
  };

  return (
    <div className="controls" role="toolbar" aria-label={t.teach.controls}>
      <label className="field">
        <span>{t.algorithm}</span>
        <select aria-label={t.algorithm} value={config.algorithm} onChange={onAlgorithm} onKeyDown={(e) => e.stopPropagation()}>
          {ALGORITHM_NAMES.map((name) => (
            <option key={name} value={name} disabled={algorithms !== null && !available.has(name)}>
              {t.algorithmNames[name]}
              {algorithms !== null && !available.has(name) ? ` (${t.notAvailable})` : ''}
            </option>
          ))}
        </select>
      </label>
      <NumberField id="nodes" label={t.nodes} value={config.nodes} min={1} max={MAX_NODES - config.observers} onCommit={(nodes) => c.reset({ ...config, nodes })} />
      {supportsObservers && (
        <NumberField id="observers" label={t.observers} value={config.observers} min={0} max={MAX_NODES - config.nodes} onCommit={(observers) => c.reset({ ...config, observers })} />
      )}
      <NumberField id="seed" label={t.seed} value={config.seed} min={0} max={MAX_SEED} onCommit={(seed) => c.reset({ ...config, seed })} />
      <div className="buttons">
        <PlaybackButtons target={c} playing={playing} />
      </div>
      <SpeedSelect speed={speed} onChange={(v) => c.setSpeed(v)} />
    </div>
  );
}

/** The timeline lives in its own file (replay, issue 6); re-exported here for the shell. */
export { Timeline } from './Timeline';
