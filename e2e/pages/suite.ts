/**
 * Which tests run (issue 13). The default suite (`npm test`, `npm run test:e2e`) keeps a real-Chromium test of
 * every user-facing feature and one walk-through per lesson group; `npm run test:e2e:all` (`E2E_ALL=1`) adds
 * every lesson's walk-through, the screenshot gallery (test-results/screens/: more sizes, themes and
 * languages) and each feature's repeats with the other algorithms.
 */
export const FULL_SUITE = process.env.E2E_ALL === '1';
