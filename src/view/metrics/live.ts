/**
 * Live pane metrics as the worker sends them to the page (compare mode): `PaneMetrics` with its chart coarsened
 * to at most `maxBuckets` buckets (so a long run costs the same per frame as a short one), and a copy of a
 * folder for checkpoints (a seek back restores the folder with the engine).
 */
import { MetricsFolder, type PaneMetrics, type SeriesBucket } from './folder';

export const LIVE_MAX_BUCKETS = 120;

/** Merges neighbouring buckets until at most `maxBuckets` remain (bucket width grows by a whole factor). */
export function coarsenSeries(series: PaneMetrics['series'], maxBuckets = LIVE_MAX_BUCKETS): PaneMetrics['series'] {
  const { bucketMs, buckets } = series;
  if (buckets.length <= maxBuckets) return series;
  const k = Math.ceil(buckets.length / maxBuckets);
  const out: SeriesBucket[] = [];
  for (let i = 0; i < buckets.length; i += k) {
    const b: SeriesBucket = { t: buckets[i].t, election: 0, heartbeat: 0, data: 0, dropped: 0 };
    for (let j = i; j < Math.min(buckets.length, i + k); j++) {
      b.election += buckets[j].election;
      b.heartbeat += buckets[j].heartbeat;
      b.data += buckets[j].data;
      b.dropped += buckets[j].dropped;
    }
    out.push(b);
  }
  return { bucketMs: bucketMs * k, buckets: out };
}

/** What a pane shows: the snapshot at `now` with a coarsened chart. */
export function liveMetrics(folder: MetricsFolder, now: number, maxBuckets = LIVE_MAX_BUCKETS): PaneMetrics {
  const m = folder.snapshot(now);
  return { ...m, series: coarsenSeries(m.series, maxBuckets) };
}

/** An independent copy of a folder (its private state is plain data, Maps and shared references included). */
export function cloneFolder(f: MetricsFolder): MetricsFolder {
  return Object.assign(Object.create(MetricsFolder.prototype) as MetricsFolder, structuredClone({ ...f }));
}
