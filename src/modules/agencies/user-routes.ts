import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database';
import { requireUser } from '../../shared/auth';
import { ADMIN_ROLES } from '../identity/roles';
import { ADMIN_READ_ROLES } from './rules';
import {
  createUserBody,
  grantBody,
  idParams,
  listUsersQuery,
  resetPasswordBody,
  roleParams,
  updateUserBody,
} from './schema';
import * as service from './user-service';

/** Users and their role grants, for administrators within their agency subtree. */
export async function userRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;

  r.get(
    '/api/admin/users',
    {
      config: { access: ADMIN_READ_ROLES },
      schema: {
        tags: ['admin'],
        summary: 'Người dùng trong phạm vi quản lý / Users within your scope',
        querystring: listUsersQuery,
      },
    },
    async (request) => service.listUsers(db, requireUser(request), request.query),
  );

  r.post(
    '/api/admin/users',
    {
      config: { access: ADMIN_ROLES },
      schema: { tags: ['admin'], summary: 'Thêm người dùng / Create a user', body: createUserBody },
    },
    async (request, reply) => {
      const user = await service.createUser(db, requireUser(request), request.body);
      return reply.status(201).send(user);
    },
  );

  r.get(
    '/api/admin/users/:id',
    {
      config: { access: ADMIN_READ_ROLES },
      schema: { tags: ['admin'], summary: 'Chi tiết người dùng / User details', params: idParams },
    },
    async (request) => service.getUser(db, requireUser(request), request.params.id),
  );

  r.patch(
    '/api/admin/users/:id',
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: ['admin'],
        summary: 'Sửa hoặc khóa người dùng / Edit or deactivate a user',
        params: idParams,
        body: updateUserBody,
      },
    },
    async (request) => service.updateUser(db, requireUser(request), request.params.id, request.body),
  );

  r.put(
    '/api/admin/users/:id/password',
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: ['admin'],
        summary: 'Đặt lại mật khẩu / Reset a password',
        params: idParams,
        body: resetPasswordBody,
      },
    },
    async (request, reply) => {
      await service.resetPassword(db, requireUser(request), request.params.id, request.body.password);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/admin/users/:id/unlock',
    {
      config: { access: ADMIN_ROLES },
      schema: { tags: ['admin'], summary: 'Mở khóa đăng nhập / Unlock after failed logins', params: idParams },
    },
    async (request, reply) => {
      await service.unlockUser(db, requireUser(request), request.params.id);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/admin/users/:id/roles',
    {
      config: { access: ADMIN_ROLES },
      schema: { tags: ['admin'], summary: 'Giao vai trò / Grant a role', params: idParams, body: grantBody },
    },
    async (request, reply) => {
      const grant = await service.grantRole(db, requireUser(request), request.params.id, request.body);
      return reply.status(201).send(grant);
    },
  );

  r.delete(
    '/api/admin/users/:id/roles/:roleId',
    {
      config: { access: ADMIN_ROLES },
      schema: { tags: ['admin'], summary: 'Thu hồi vai trò / Revoke a role', params: roleParams },
    },
    async (request, reply) => {
      await service.revokeRole(db, requireUser(request), request.params.id, request.params.roleId);
      return reply.status(204).send();
    },
  );
}
