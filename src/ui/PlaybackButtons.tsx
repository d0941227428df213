import { useT } from './useT';

/** Anything the four playback buttons can drive: one pane's controller, or the clock group of compare mode. */
export interface Playback {
  togglePlay(): void;
  stepBack(): void;
  stepForward(): void;
  reset(): void;
}

/** Play / pause, step back, step forward, reset: the names contracts/ui.md gives them, in one place. */
export function PlaybackButtons({ target, playing }: { target: Playback; playing: boolean }) {
  const t = useT();
  return (
    <>
      <button type="button" className="primary play" onClick={() => target.togglePlay()} aria-keyshortcuts="Space" aria-label={playing ? t.pause : t.play}>
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? t.pause : t.play}
      </button>
      <button type="button" onClick={() => target.stepBack()} aria-label={t.stepBack} title={t.stepBack} aria-keyshortcuts="ArrowLeft">
        <span aria-hidden="true">◀</span> {t.stepShort}
      </button>
      <button type="button" onClick={() => target.stepForward()} aria-label={t.stepForward} title={t.stepForward} aria-keyshortcuts="ArrowRight">
        {t.stepShort} <span aria-hidden="true">▶</span>
      </button>
      <button type="button" onClick={() => target.reset()} aria-label={t.reset}>
        <span aria-hidden="true">↺</span> {t.reset}
      </button>
    </>
  );
}
