/**
 * Prints what the lesson e2e spec expects, computed in Node from the lesson library and the engine (Playwright
 * cannot import the library's JSON scenarios itself): per lesson its id, titles, step texts, pause times and
 * the cluster leader the trace has at each pause. Run with tsx.
 */
import { LESSONS, lessonPauseTimes, snapshotAt } from '../src/lessons';

const out = LESSONS.map((l) => {
  const { traces, times } = lessonPauseTimes(l);
  return {
    id: l.id,
    group: l.group,
    algorithms: [...l.algorithms],
    title: l.title,
    untilMs: l.untilMs,
    steps: l.steps.map((s) => ({ text: s.text })),
    times,
    leaders: times.map((t) => traces.map((tr) => snapshotAt(tr, t ?? l.untilMs).leader)),
  };
});
process.stdout.write(JSON.stringify(out));
