/** Runs one chunk request (transport-free: the batch worker and the no-Worker fallback both call it). */
import { runBatchRange } from '../engine/batch';
import { BATCH_PROTOCOL_VERSION, type ChunkRequest, type FromBatchWorker } from './batch-protocol';

export function runChunk(req: ChunkRequest, post: (m: FromBatchWorker) => void): void {
  const v = BATCH_PROTOCOL_VERSION;
  try {
    if (req.v !== v) throw new Error(`batch protocol ${req.v} is not ${v}`);
    let done = 0;
    const chunk = runBatchRange(req.scenario, req.firstIndex, req.count, req.untilMs, {
      ...(req.lossAfter !== undefined ? { lossAfter: req.lossAfter } : {}),
      onRun: () => {
        done++;
        if (done % 5 === 0) post({ type: 'progress', v, id: req.id, done });
      },
    });
    post({ type: 'chunk', v, id: req.id, chunk });
  } catch (e) {
    post({ type: 'error', v, id: req.id, message: e instanceof Error ? e.message : String(e) });
  }
}
