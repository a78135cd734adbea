/**
 * Response headers for the UI, identical for Electron's `app://` handler and
 * the browser-mode loopback server. A header (not a `<meta>`) because only a
 * header can carry `frame-ancestors`.
 */

/** The Content-Security-Policy of every UI response. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  // No 'unsafe-eval' and no inline scripts; TF.js's WASM backend needs to compile WebAssembly.
  "script-src 'self' 'wasm-unsafe-eval'",
  // React Flow and the charts set style attributes; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers for every response. COOP + COEP make the page
 * cross-origin isolated (SharedArrayBuffer for the WASM backend's threads).
 */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=()',
  };
}
