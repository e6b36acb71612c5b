import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '../../config';

export const WEB_DIST = resolve(import.meta.dirname, '../../../dist/web');

function isFile(p: string): boolean {
  return existsSync(p) && statSync(p).isFile();
}

/** Serves the built React app (npm run build:web); unknown paths get index.html for the client router. */
export async function webRoutes(app: FastifyInstance, _opts: { config: Config }) {
  if (!existsSync(WEB_DIST)) return;
  await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = normalize(decodeURIComponent(request.url.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    if (path.startsWith('/api/')) return reply.callNotFound();
    if (path !== '/' && isFile(join(WEB_DIST, path))) {
      const immutable = path.startsWith('/assets/');
      return reply
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(path.slice(1));
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });
}
