/**
 * Build steps for a deployable, offline app (issue 8):
 * - `index.html` of the build gets a strict Content-Security-Policy (the dev server's inline preamble and
 *   injected styles would not pass it, so dev pages go without), the manifest link, and a classic `defer`
 *   script instead of `type="module" crossorigin`, so the built app also opens from a folder (file://), where
 *   Chromium refuses module scripts and CORS-mode stylesheets;
 * - `sw.js`, a service worker that precaches every built file (the PWA works offline).
 */
import type { Plugin } from 'vite';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export function teachBuild(): Plugin {
  let files: string[] = [];
  return {
    name: 'election-lab-teach-build',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        return html
          .replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`)
          .replace('</title>', '</title>\n    <link rel="manifest" href="./manifest.webmanifest" />\n    <meta name="theme-color" content="#0072b2" />')
          .replace(/<script type="module" crossorigin src=/g, '<script defer src=')
          .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=');
      },
    },
    generateBundle(_opts, bundle) {
      files = Object.keys(bundle).filter((f) => !f.endsWith('.map'));
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = fixScriptUrls(chunk.code);
      }
    },
    writeBundle: {
      sequential: true,
      async handler(opts) {
        const { readdir, writeFile } = await import('node:fs/promises');
        const { join } = await import('node:path');
        const dir = opts.dir!;
        const pub = (await readdir(dir)).filter((f) => !f.endsWith('.map') && f !== 'sw.js' && f !== 'assets');
        const all = [...new Set(['./', ...pub.map((f) => `./${f}`), ...files.map((f) => `./${f}`)])].sort();
        const version = all.join('|').split('').reduce((h, c) => (Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0), 2166136261).toString(36);
        await writeFile(join(dir, 'sw.js'), SW(version, all));
      },
    },
  };
}

/**
 * In the one classic script, `import.meta` is an empty object, so the worker URLs' outer `new URL(…,
 * import.meta.url)` would get "undefined" as its base and throw: the page's address is the base instead. And
 * the bundler finds the script's own URL through `document.currentScript`, which exists only while the script
 * first runs: a worker started later (compare panes, a restarted worker) would look for its file next to the
 * page instead of in assets/. The URL is kept from the first time it is asked (the first worker starts while
 * the script runs).
 */
export function fixScriptUrls(code: string): string {
  return code
    .replace(/(?:``|""|'')\s*\+\s*\{\s*\}\.url/g, 'document.baseURI')
    .replace(/\{\s*\}\.url/g, 'document.baseURI')
    .replace(
      /document\.currentScript\s*&&\s*document\.currentScript\.tagName\.toUpperCase\(\)\s*===\s*(["'`])SCRIPT\1\s*&&\s*document\.currentScript\.src\s*\|\|\s*document\.baseURI/g,
      '(globalThis.__electionLabScript??=document.currentScript&&document.currentScript.src)||document.baseURI',
    );
}

const SW = (version: string, files: string[]) => `/* Election Lab's service worker: precaches the built app; cache first, same origin only. */
const CACHE = 'election-lab-${version}';
const FILES = ${JSON.stringify(files)};
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('election-lab-') && k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (e.request.mode === 'navigate') {
    // The page itself: the network first (a new deployment shows at once), the cached copy when offline.
    const index = new URL('./', self.location.href).href;
    e.respondWith(fetch(e.request).catch(() => caches.match(index)));
    return;
  }
  // Built files have hashed names: the cache first.
  e.respondWith(caches.match(e.request).then((hit) => hit || fetch(e.request)));
});
`;
