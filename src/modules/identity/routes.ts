import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database';
import type { Config } from '../../config';
import { SESSION_COOKIE, requireUser } from '../../shared/auth';
import { ROLE_NAMES } from './roles';
import type { Principal } from './rules';
import { changePasswordBody, loginBody } from './schema';
import { changePassword, login, logout } from './service';

export function principalView(p: Principal) {
  return {
    id: p.userId,
    username: p.username,
    fullName: p.fullName,
    roles: p.grants.map((g) => ({
      role: g.role,
      roleName: ROLE_NAMES[g.role].vi,
      roleNameEn: ROLE_NAMES[g.role].en,
      agency: g.agencyCode,
      unitId: g.unitId,
    })),
  };
}

export async function identityRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = opts;

  r.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Đăng nhập / Log in', body: loginBody },
    },
    async (request, reply) => {
      const result = await login(db, config, request.body.username, request.body.password);
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.env === 'production',
        path: '/',
        expires: result.expiresAt,
      });
      return {
        token: result.token,
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt.toISOString(),
        user: principalView(result.principal),
      };
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Đăng xuất / Log out' } },
    async (request, reply) => {
      const p = requireUser(request);
      await logout(db, request.sessionToken!, p.userId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/auth/me',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Người dùng hiện tại / Current user' } },
    async (request) => {
      return { user: principalView(requireUser(request)), csrfToken: request.csrfToken };
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Đổi mật khẩu / Change password', body: changePasswordBody },
    },
    async (request, reply) => {
      const p = requireUser(request);
      await changePassword(db, p.userId, request.sessionToken!, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send();
    },
  );
}
