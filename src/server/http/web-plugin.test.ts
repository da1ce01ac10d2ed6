import Fastify, { type FastifyInstance } from 'fastify';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProblemHandlers } from './problem';
import { registerWeb } from './web-plugin';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head></html>';
const SCRIPT = 'console.log("hello");';

async function appServing(distDir: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  registerProblemHandlers(app);
  app.get('/api/v1/ping', async () => ({ pong: true }));
  app.post('/api/v1/echo', async (request) => ({ got: request.body }));
  await registerWeb(app, { distDir });
  await app.ready();
  return app;
}

describe('registerWeb', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recert-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'assets', 'index-AbC123.js'), SCRIPT);
    await writeFile(join(dir, 'assets', 'index-AbC123.css'), 'body{margin:0}');
    await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(join(dir, '.env'), 'SECRET=1');
    await writeFile(join(tmpdir(), 'recert-web-outside.txt'), 'outside');
    app = await appServing(dir);
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
    await rm(join(tmpdir(), 'recert-web-outside.txt'), { force: true });
  });

  it('serves index.html at the root, never cached without revalidation', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toBe(INDEX);
  });

  it('falls back to index.html for the client-side routes', async () => {
    for (const url of ['/sign-in', '/bodies/namss/people/0b6c/activities', '/sign-in?redirect=%2F', '/index.html']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body, url).toBe(INDEX);
    }
  });

  it('serves hashed assets with a long immutable cache', async () => {
    const script = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.body).toBe(SCRIPT);
    const style = await app.inject({ method: 'GET', url: '/assets/index-AbC123.css' });
    expect(style.headers['content-type']).toMatch(/^text\/css/);
    expect(style.headers['cache-control']).toContain('immutable');
  });

  it('serves other files with revalidation, and answers HEAD', async () => {
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(icon.headers['cache-control']).toBe('no-cache');
    const head = await app.inject({ method: 'HEAD', url: '/assets/index-AbC123.js' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('answers a missing hashed asset with a 404 rather than the page', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-Old999.js' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('does not swallow /api paths', async () => {
    const ping = await app.inject({ method: 'GET', url: '/api/v1/ping' });
    expect(ping.json()).toEqual({ pong: true });
    const echo = await app.inject({ method: 'POST', url: '/api/v1/echo', payload: { a: 1 } });
    expect(echo.json()).toEqual({ got: { a: 1 } });
    for (const url of ['/api', '/api/', '/api/v1/nothing-here', '/api/v1/nothing-here?x=1']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(response.json().code, url).toBe('not-found');
    }
  });

  it('serves GET only: other methods on app paths are not found', async () => {
    const response = await app.inject({ method: 'POST', url: '/sign-in', payload: {} });
    expect(response.statusCode).toBe(404);
  });

  it('never serves dotfiles or files outside the build', async () => {
    for (const url of [
      '/.env',
      '/assets/../.env',
      '/%2e%2e/recert-web-outside.txt',
      '/..%2frecert-web-outside.txt',
      '/%E0%A4%A',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.body, url).not.toContain('SECRET');
      expect(response.body, url).not.toContain('outside');
    }
  });

  it('says to build the app when the build is missing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'recert-web-empty-'));
    const bare = await appServing(join(empty, 'web'));
    try {
      const response = await bare.inject({ method: 'GET', url: '/bodies/namss' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain('npm run build');
      expect((await bare.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ pong: true });
      expect((await bare.inject({ method: 'GET', url: '/api/v1/missing' })).statusCode).toBe(404);
    } finally {
      await bare.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
