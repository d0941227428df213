/**
 * The Experiments screen (issue 7): K seeds of an experiment per algorithm and a sweep over n, in Web Workers
 * with a progress bar and Cancel; histograms of election time and messages per election, messages per
 * election vs n over the formulas, a results table, CSV and chart downloads.
 */
import { IntField as Int } from '../IntField';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { SweepPoint } from '../../engine/batch';
import { PROFILES } from '../../engine/algorithms/profiles';
import { ALGORITHM_NAMES, type AlgorithmName } from '../../engine/core/types';
import { experiment, type ExperimentId } from '../../engine/scenarios/experiments';
import { DEFAULT_REQUEST, ExperimentRunner, type ExperimentRequest, type ExperimentResult } from '../../store/batch-runner';
import { sweepCsv, sweepRunsCsv } from '../../view/metrics/csv';
import { histogram } from '../../view/metrics/histogram';
import { chartPng, chartSvgString } from '../charts/export';
import { download } from '../download';
import { ALG_COLORS } from '../charts/colors';
import { Histogram } from '../charts/Histogram';
import { SweepChart, type SweepSeries } from '../charts/SweepChart';
import { useT } from '../useT';
import './batch.css';

let runner: ExperimentRunner | null = null;
/** The page's one runner (created on first use; tests may pass their own). */
export function getRunner(): ExperimentRunner {
  runner ??= new ExperimentRunner();
  return runner;
}

/** Messages per election and election time of a point (the experiment's window: cold start or crash → leader). */
function pointMessages(p: SweepPoint) {
  return p.recovery ? p.recovery.messages : p.stats.messagesToElect;
}
function pointElection(p: SweepPoint) {
  return p.recovery ? p.recovery.recoveryMs : p.stats.firstLeaderAt;
}

/** The theory column: "best–worst" for an algorithm whose chart draws a band, else its one count. */
function theory(alg: AlgorithmName, n: number): string {
  if (n < 2) return '0';
  const p = PROFILES[alg];
  const r = p.theory(n, {});
  return p.sweep.some((c) => c.shape === 'band') ? `${r.best}–${r.worst}` : String(r.worst);
}

function SaveButtons({ target, name, what }: { target: React.RefObject<SVGSVGElement | null>; name: string; what: string }) {
  const t = useT();
  return (
    <span className="save-buttons">
      <button type="button" className="small" aria-label={t.batch.saveAs(what, 'SVG')} onClick={() => target.current && download(`${name}.svg`, chartSvgString(target.current), 'image/svg+xml')}>
        SVG
      </button>
      <button
        type="button"
        className="small"
        aria-label={t.batch.saveAs(what, 'PNG')}
        onClick={() => {
          if (target.current) void chartPng(target.current).then((b) => download(`${name}.png`, b));
        }}
      >
        PNG
      </button>
    </span>
  );
}

function ChartBox({ name, what, children }: { name: string; what: string; children: (ref: React.RefObject<SVGSVGElement | null>) => React.ReactNode }) {
  const ref = useRef<SVGSVGElement | null>(null);
  return (
    <figure className="chart-box" data-chart={name}>
      {children(ref)}
      <figcaption>
        <SaveButtons target={ref} name={name} what={what} />
      </figcaption>
    </figure>
  );
}

function Results({ result }: { result: ExperimentResult }) {
  const t = useT();
  const tb = t.batch;
  const req = result.request;
  const exp = experiment(req.experiment);
  const names = t.algorithmNames;
  const hist = result.points.filter((p) => p.nodes === req.nodes);
  const sweepNs = new Set(req.sweep ? result.points.map((p) => p.nodes).filter((n) => n >= req.sweep!.from && n <= req.sweep!.to && (n - req.sweep!.from) % req.sweep!.step === 0) : []);
  const series: SweepSeries[] = req.algorithms.map((a) => ({
    algorithm: a,
    points: result.points
      .filter((p) => p.algorithm === a && sweepNs.has(p.nodes))
      .map((p) => ({ n: p.nodes, median: pointMessages(p)?.median ?? null, p95: pointMessages(p)?.p95 ?? null })),
  }));
  return (
    <div className="batch-results" data-testid="batch-results">
      <h3>{tb.histograms(req.nodes)}</h3>
      <div className="hist-grid" style={{ gridTemplateColumns: `repeat(${hist.length}, minmax(0, 1fr))` }}>
        {hist.map((p) => (
          <ChartBox key={`t-${p.algorithm}`} name={`election-time-${p.algorithm}-n${p.nodes}`} what={`${tb.histElection} (${names[p.algorithm]})`}>
            {(ref) => (
              <Histogram
                svgRef={ref}
                bins={histogram(p.runs.map((r) => exp.electionMs(r)))}
                color={ALG_COLORS[p.algorithm]}
                title={`${names[p.algorithm]} · ${tb.histElection}`}
                xLabel={tb.histElectionAxis}
                yLabel={tb.runsAxis}
              />
            )}
          </ChartBox>
        ))}
        {hist.map((p) => (
          <ChartBox key={`m-${p.algorithm}`} name={`messages-per-election-${p.algorithm}-n${p.nodes}`} what={`${tb.histMessages} (${names[p.algorithm]})`}>
            {(ref) => (
              <Histogram
                svgRef={ref}
                bins={histogram(p.runs.map((r) => exp.messages(r)))}
                color={ALG_COLORS[p.algorithm]}
                title={`${names[p.algorithm]} · ${tb.histMessages}`}
                xLabel={tb.histMessagesAxis}
                yLabel={tb.runsAxis}
              />
            )}
          </ChartBox>
        ))}
      </div>
      {sweepNs.size > 0 && (
        <>
          <h3>{tb.sweepChart}</h3>
          <ChartBox name="messages-per-election-vs-n" what={tb.sweepChart}>
            {(ref) => (
              <SweepChart
                svgRef={ref}
                series={series}
                labels={{
                  title: tb.sweepChart,
                  xLabel: tb.sweepAxisN,
                  yLabel: tb.sweepAxisMsgs,
                  legend: (key) => String((tb as Record<string, unknown>)[key] ?? key),
                  measured: tb.measured,
                  names,
                }}
              />
            )}
          </ChartBox>
          <p className="muted m-explained">{tb.mExplained}</p>
        </>
      )}
      <h3>{tb.table}</h3>
      <div className="table-scroll">
        <table className="batch-table">
          <thead>
            <tr>
              {[tb.colAlg, tb.colN, tb.colRuns, tb.colNoLeader, tb.colElectMedian, tb.colElectP95, tb.colMsgsMedian, tb.colMsgsP95, tb.colTheory, tb.colViolations].map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.points.map((p) => {
              const el = pointElection(p);
              const ms = pointMessages(p);
              return (
                <tr key={`${p.algorithm}-${p.nodes}`}>
                  <th scope="row">{names[p.algorithm]}</th>
                  <td>{p.nodes}</td>
                  <td>{p.stats.runs}</td>
                  <td>{p.stats.noLeader}</td>
                  <td>{el?.median ?? '—'}</td>
                  <td>{el?.p95 ?? '—'}</td>
                  <td>{ms?.median ?? '—'}</td>
                  <td>{ms?.p95 ?? '—'}</td>
                  <td>{theory(p.algorithm, p.nodes)}</td>
                  <td>{p.stats.violations}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="row">
        <button type="button" onClick={() => download(`election-lab-${req.experiment}-runs.csv`, sweepRunsCsv(result.points), 'text/csv')}>
          {tb.downloadCsv}
        </button>
        <button type="button" onClick={() => download(`election-lab-${req.experiment}-summary.csv`, sweepCsv(result.points), 'text/csv')}>
          {tb.downloadSummaryCsv}
        </button>
        <span className="muted">{tb.cliHint(req.seeds)}</span>
      </div>
    </div>
  );
}

export function ExperimentsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const tb = t.batch;
  const r = useMemo(() => getRunner(), []);
  const state = useStore(r.store);
  const [req, setReq] = useState<ExperimentRequest>(() => state.result?.request ?? structuredClone(DEFAULT_REQUEST));
  const [sweepOn, setSweepOn] = useState(req.sweep !== null);
  const [sweep, setSweep] = useState(req.sweep ?? { from: 3, to: 25, step: 2 });
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select, button')?.focus();
  }, []);
  const running = state.status === 'running';
  const run = () => {
    if (req.algorithms.length === 0) return;
    void r.run({ ...req, sweep: sweepOn ? { from: Math.min(sweep.from, sweep.to), to: Math.max(sweep.from, sweep.to), step: Math.max(1, sweep.step) } : null });
  };
  const toggleAlg = (a: AlgorithmName) =>
    setReq((q) => ({ ...q, algorithms: q.algorithms.includes(a) ? q.algorithms.filter((x) => x !== a) : ALGORITHM_NAMES.filter((x) => x === a || q.algorithms.includes(x)) }));
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div
        ref={ref}
        className="experiments"
        role="dialog"
        aria-modal="true"
        aria-labelledby="experiments-title"
        // Test hooks (README): where the batch is, so tests wait on it instead of on a text and the wall clock.
        data-batch-status={state.status}
        data-batch-done={state.done}
        data-batch-total={state.total}
      >
        <header className="experiments-head">
          <h2 id="experiments-title">{tb.title}</h2>
          <button type="button" onClick={onClose}>
            {tb.close}
          </button>
        </header>
        <div className="experiments-form controls">
          <label className="field">
            <span>{tb.experiment}</span>
            <select value={req.experiment} onChange={(e) => setReq({ ...req, experiment: e.target.value as ExperimentId })} disabled={running}>
              {(['cold-start', 'leader-crash'] as const).map((id) => (
                <option key={id} value={id}>
                  {tb.experiments[id]}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="cmp-algs" disabled={running}>
            <legend>{tb.algorithms}</legend>
            {ALGORITHM_NAMES.map((a) => (
              <label key={a} className="check">
                <input type="checkbox" checked={req.algorithms.includes(a)} onChange={() => toggleAlg(a)} />
                {t.algorithmNames[a]}
              </label>
            ))}
          </fieldset>
          <Int id="batch-seeds" label={tb.seeds} value={req.seeds} min={1} max={100000} onChange={(seeds) => setReq({ ...req, seeds })} />
          <Int id="batch-first" label={tb.firstSeed} value={req.firstSeed} min={0} max={4294967295} onChange={(firstSeed) => setReq({ ...req, firstSeed })} />
          <Int id="batch-nodes" label={tb.nodes} value={req.nodes} min={2} max={101} onChange={(nodes) => setReq({ ...req, nodes })} />
          <fieldset className="cmp-algs" disabled={running}>
            <legend>
              <label className="check">
                <input type="checkbox" checked={sweepOn} onChange={(e) => setSweepOn(e.target.checked)} />
                {tb.sweepSettings}
              </label>
            </legend>
            <Int id="sweep-from" label={tb.sweepFrom} value={sweep.from} min={2} max={101} onChange={(from) => setSweep({ ...sweep, from })} />
            <Int id="sweep-to" label={tb.sweepTo} value={sweep.to} min={2} max={101} onChange={(to) => setSweep({ ...sweep, to })} />
            <Int id="sweep-step" label={tb.sweepStep} value={sweep.step} min={1} max={50} onChange={(step) => setSweep({ ...sweep, step })} />
          </fieldset>
          <div className="buttons">
            <button type="button" className="primary" onClick={run} disabled={running || req.algorithms.length === 0}>
              {tb.run}
            </button>
            <button type="button" onClick={() => r.cancel()} disabled={!running}>
              {tb.cancel}
            </button>
          </div>
        </div>
        <div className="progress-row">
          <progress aria-label={tb.progress} max={Math.max(1, state.total)} value={state.done} />
          <span className="muted" aria-live="polite">
            {state.status === 'running' && tb.progressText(state.done, state.total, state.workers)}
            {state.status === 'cancelled' && tb.cancelled}
            {state.status === 'failed' && tb.failed(state.error ?? '')}
            {state.status === 'done' && state.result && tb.finished(state.total, state.result.elapsedMs / 1000)}
            {state.status === 'idle' && tb.empty}
          </span>
        </div>
        {state.result && <Results result={state.result} />}
      </div>
    </div>
  );
}
