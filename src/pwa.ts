/**
 * Installs the service worker of the built app (issue 8: installable, works offline). Not in development, not
 * from a folder (file:// has no service workers), and only where the browser has them.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
      // No service worker (private mode, an old browser): the app still runs, only not offline.
    });
  });
}
