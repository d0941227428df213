/**
 * Build steps for a deployable, offline app (issues 8 and 9):
 * - `index.html` of the build gets a strict Content-Security-Policy (the dev server's inline preamble and
 *   injected styles would not pass it, so dev pages go without), the manifest link, and a stylesheet link without
 *   `crossorigin` (Chromium refuses CORS-mode stylesheets from a folder);
 * - the hosted build is ES modules split into chunks that load on first use, which a page opened from a folder
 *   (file://) cannot load: Chromium refuses module scripts there. So a second build, `folder/election-lab.js`,
 *   is one classic script with everything inlined, and the small classic `open-from-folder.js` starts it only
 *   when the page's address is a file;
 * - `sw.js`, a service worker that precaches every file of the hosted build (the PWA works offline).
 */
import { join } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** The Vite mode of the one-script copy for a folder. */
export const FOLDER_MODE = 'folder';
export const FOLDER_SCRIPT = 'folder/election-lab.js';
const FOLDER_LOADER = 'open-from-folder.js';

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
  let config: ResolvedConfig;
  return {
    name: 'election-lab-teach-build',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        return html
          .replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`)
          .replace('</title>', '</title>\n    <link rel="manifest" href="./manifest.webmanifest" />\n    <meta name="theme-color" content="#0072b2" />')
          .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=')
          .replace('</head>', `  <script defer src="./${FOLDER_LOADER}"></script>\n  </head>`);
      },
    },
    generateBundle(_opts, bundle) {
      if (config.mode === FOLDER_MODE) {
        for (const [name, chunk] of Object.entries(bundle)) {
          if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = fixScriptUrls(chunk.code);
          // The hosted page's stylesheet already holds every style (cssCodeSplit: false).
          if (name.endsWith('.css')) delete bundle[name];
        }
        return;
      }
      this.emitFile({ type: 'asset', fileName: FOLDER_LOADER, source: FOLDER_LOADER_CODE });
    },
    writeBundle: {
      sequential: true,
      async handler(opts, bundle) {
        if (config.mode === FOLDER_MODE) return;
        // Here, not in generateBundle: the stylesheet is added to the bundle after this plugin's generateBundle.
        const files = Object.keys(bundle).filter((f) => !f.endsWith('.map'));
        const { readdir, writeFile } = await import('node:fs/promises');
        const dir = opts.dir!;
        const pub = (await readdir(dir)).filter((f) => !f.endsWith('.map') && f !== 'sw.js' && f !== 'assets' && f !== 'folder');
        const all = [...new Set(['./', ...pub.map((f) => `./${f}`), ...files.map((f) => `./${f}`)])].sort();
        const version = all.join('|').split('').reduce((h, c) => (Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0), 2166136261).toString(36);
        await writeFile(join(dir, 'sw.js'), SW(version, all));
      },
    },
    async closeBundle() {
      if (config.mode === FOLDER_MODE) return;
      const { build } = await import('vite');
      await build({
        configFile: config.configFile,
        root: config.root,
        mode: FOLDER_MODE,
        logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
        build: { outDir: join(config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir), 'folder') },
      });
    },
  };
}

/** Classic, so it runs from a folder too; over http(s) it does nothing (the module script runs the app). */
const FOLDER_LOADER_CODE = `/* Election Lab opened from a folder (file://), where Chromium refuses module scripts: start the one-script copy. */
if (location.protocol === 'file:') {
  var s = document.createElement('script');
  s.src = './${FOLDER_SCRIPT}';
  document.head.appendChild(s);
}
`;

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
  // Built files have hashed names: the cache first. Module scripts are requested with an Origin header, which
  // the precache's requests lacked: a server's \`Vary: Origin\` must not turn a hit into a miss.
  e.respondWith(caches.match(e.request, { ignoreVary: true }).then((hit) => hit || fetch(e.request)));
});
`;
