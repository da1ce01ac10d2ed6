import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build` (vite build) writes the web app. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** Vite puts every hashed file under assets/: its name changes whenever its content does. */
const HASHED_PREFIX = 'assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Recert</title></head>
  <body style="font-family: system-ui, sans-serif; margin: 2rem; max-width: 40rem">
    <h1>Recert</h1>
    <p>The web app has not been built yet. Run <code>npm run build</code>, then reload this page.</p>
    <p>The API is available under <a href="/api/docs">/api/docs</a>.</p>
  </body>
</html>
`;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/**
 * The file a URL path names inside `root`, relative to it (with forward slashes), or null when the
 * path is malformed, leaves the root, names a dotfile or is not a regular file.
 */
async function fileFor(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.length === 0 || segments.some((segment) => segment.startsWith('.'))) return null;
  const absolute = resolve(root, ...segments);
  const inside = relative(root, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return (await isFile(absolute)) ? segments.join('/') : null;
}

function sendIndex(reply: FastifyReply, root: string): FastifyReply {
  return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
}

/**
 * Serves the built web app from `distDir`: its files as they are (hashed assets cached for a year,
 * everything else revalidated), and index.html for any other GET path so that the client-side
 * router can show it. Paths under /api are never answered here: an unknown API path gets the
 * application's usual 404 problem. Until the app is built, a short page says how to build it.
 *
 * Register it after the API routes (specific routes win over its catch-all either way).
 */
export async function registerWeb(app: FastifyInstance, options: { distDir: string }): Promise<void> {
  const root = resolve(options.distDir);
  await app.register(async (web) => {
    // serve: false: only reply.sendFile; the catch-all below decides what is served.
    await web.register(fastifyStatic, { root, serve: false });

    web.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const pathname = request.url.split('?', 1)[0] ?? '/';
      if (isApiPath(pathname)) return reply.callNotFound();
      if (!(await isFile(join(root, 'index.html')))) {
        return reply.status(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(MISSING_BUILD_PAGE);
      }
      const file = await fileFor(root, pathname);
      if (file === 'index.html') return sendIndex(reply, root);
      if (file !== null) {
        const hashed = file.startsWith(HASHED_PREFIX);
        return reply.header('cache-control', hashed ? IMMUTABLE : 'no-cache').sendFile(file, root, { cacheControl: false });
      }
      // A missing hashed file is a stale or mistyped asset: answering with the HTML page would only break the script loader.
      if (pathname.startsWith(`/${HASHED_PREFIX}`)) return reply.callNotFound();
      return sendIndex(reply, root);
    });
  });
}
