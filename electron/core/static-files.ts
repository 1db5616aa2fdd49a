import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/**
 * Serving the built renderer (dist/renderer) to the page, for both hosts: Electron's app://
 * protocol handler and the browser host's HTTP server. The request path is decoded once,
 * resolved under the root and refused if it escapes it (../, encoded or not). A path without
 * a file extension is a route of the single-page app and gets index.html; a missing asset
 * gets a 404, not HTML under a script's name.
 */
export interface StaticFile {
  status: 200 | 404 | 400 | 503;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
  /** index.html must be revalidated; hashed assets never change. */
  cacheControl: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

const text = (status: StaticFile['status'], message: string): StaticFile => ({
  status,
  contentType: 'text/plain; charset=utf-8',
  body: new TextEncoder().encode(message),
  cacheControl: 'no-store',
});

/** The file under `root` a URL path names, or null if the path is malformed or leaves the root. */
export function resolveUnderRoot(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const target = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (target !== base && !target.startsWith(base + sep)) return null;
  return target;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function loadStaticFile(root: string, urlPath: string): Promise<StaticFile> {
  const indexPath = resolve(root, 'index.html');
  if (!(await isFile(indexPath)))
    return text(503, `The console is not built: ${indexPath} is missing. Run npm run build:renderer.`);
  const target = resolveUnderRoot(root, urlPath);
  if (target === null) return text(400, 'Bad path.');
  let path = target;
  if (!(await isFile(path))) {
    if (extname(path) !== '') return text(404, 'Not found.');
    path = indexPath;
  }
  const isIndex = path === indexPath;
  return {
    status: 200,
    contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    body: new Uint8Array(await readFile(path)),
    cacheControl: isIndex
      ? 'no-cache'
      : urlPath.startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
  };
}
