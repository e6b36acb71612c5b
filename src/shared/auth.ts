import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import type { Role } from '../modules/identity/roles';
import { hasRoleOver, scopePaths, type Principal } from '../modules/identity/rules';
import { authenticate } from '../modules/identity/service';
import { AppError, forbidden, unauthenticated } from './errors';

export const SESSION_COOKIE = 'motcua_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Every route declares who may call it: `'public'`, `'authenticated'` (any signed-in user) or the
 * roles that may. A route without it makes the app refuse to start, so no route is left unchecked.
 * Checks scoped to an agency subtree happen in services through `requireRoleOver`.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
    csrfToken: string | null;
  }
}

function bearer(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1] : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs') || route.url === '*') return;
    if (!route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
    }
  });

  // onRequest: callers are identified and refused before their body is parsed or validated.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return; // static files and docs
    const headerToken = bearer(request);
    const cookieToken = request.cookies?.[SESSION_COOKIE] ?? null;
    const token = headerToken ?? cookieToken;
    if (token) {
      const session = await authenticate(opts.db, token);
      if (session) {
        // A cookie is sent by the browser on its own: a state change through it needs the CSRF token.
        if (!headerToken && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
          throw new AppError(
            'CSRF_TOKEN_INVALID',
            403,
            'Thiếu hoặc sai mã chống giả mạo (CSRF)',
            'Missing or wrong CSRF token',
          );
        }
        request.principal = session.principal;
        request.sessionToken = token;
        request.csrfToken = session.csrfToken;
      }
    }
    if (access === 'public') return;
    if (!request.principal) throw unauthenticated();
    if (access === 'authenticated') return;
    if (!request.principal.grants.some((g) => access.includes(g.role))) throw forbidden();
  });
});

export function requireUser(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated();
  return request.principal;
}

/** Throws 403 unless the user holds one of `roles` over the agency (its path) or an ancestor of it. */
export function requireRoleOver(principal: Principal, roles: readonly Role[], agencyPath: string): void {
  if (!hasRoleOver(principal, roles, agencyPath)) throw forbidden();
}

export { scopePaths };
