import { loadedLesson } from '../../lessons/load';
import type { RingLayout } from '../../view/ring';
import { useTeach } from './context';

/** Rings drawn around the nodes the current lesson step points at (under the nodes, so clicks reach them). */
export function LessonHighlight({ layout, algorithm }: { layout: RingLayout; algorithm: string }) {
  const id = useTeach((s) => s.lessonId);
  const step = useTeach((s) => s.step);
  const lesson = id ? loadedLesson(id) : undefined;
  const hl = lesson && step >= 0 ? lesson.steps[step]?.highlight : undefined;
  if (!hl?.nodes?.length || (hl.pane && hl.pane !== algorithm)) return null;
  return (
    <g className="lesson-highlight" aria-hidden="true">
      {hl.nodes.map((id) => {
        const p = layout.byId.get(id);
        if (!p) return null;
        return <circle key={id} cx={p.x} cy={p.y} r={layout.nodeRadius * 1.65} data-highlight-node={id} />;
      })}
    </g>
  );
}
