import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database';
import type { Config } from '../../config';
import { requireUser } from '../../shared/auth';
import { ADMIN_ROLES } from '../identity/roles';
import { ADMIN_READ_ROLES } from './rules';
import { codeParams, createAgencyBody, createUnitBody, idParams, updateAgencyBody, updateUnitBody } from './schema';
import * as service from './service';
import { userRoutes } from './user-routes';

const PUBLIC_RATE = { max: 120, timeWindow: '1 minute' };

export async function agencyRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;

  r.get(
    '/api/agencies',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE },
      schema: { tags: ['agencies'], summary: 'Cây cơ quan và mã định danh / Agency tree with identifier codes' },
    },
    async () => ({ items: await service.publicAgencyTree(db) }),
  );

  r.get(
    '/api/agencies/:code',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE },
      schema: {
        tags: ['agencies'],
        summary: 'Một cơ quan và các đơn vị / One agency with its units',
        params: codeParams,
      },
    },
    async (request) => service.publicAgency(db, request.params.code),
  );

  r.get(
    '/api/levels',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE },
      schema: { tags: ['agencies'], summary: 'Các cấp thực hiện / Administrative levels' },
    },
    async () => ({ items: await service.listLevels(db) }),
  );

  r.get(
    '/api/admin/agencies',
    {
      config: { access: ADMIN_READ_ROLES },
      schema: { tags: ['admin'], summary: 'Cơ quan trong phạm vi quản lý / Agencies within your scope' },
    },
    async (request) => ({ items: await service.adminListAgencies(db, requireUser(request)) }),
  );

  r.post(
    '/api/admin/agencies',
    {
      config: { access: ADMIN_ROLES },
      schema: { tags: ['admin'], summary: 'Thêm cơ quan / Create an agency', body: createAgencyBody },
    },
    async (request, reply) => {
      const agency = await service.createAgency(db, requireUser(request), request.body);
      return reply.status(201).send(agency);
    },
  );

  r.get(
    '/api/admin/agencies/:code',
    {
      config: { access: ADMIN_READ_ROLES },
      schema: { tags: ['admin'], summary: 'Chi tiết cơ quan / Agency details', params: codeParams },
    },
    async (request) => service.adminGetAgency(db, requireUser(request), request.params.code),
  );

  r.patch(
    '/api/admin/agencies/:code',
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: ['admin'],
        summary: 'Sửa thông tin cơ quan / Edit an agency',
        params: codeParams,
        body: updateAgencyBody,
      },
    },
    async (request) => service.updateAgency(db, requireUser(request), request.params.code, request.body),
  );

  r.get(
    '/api/admin/agencies/:code/units',
    {
      config: { access: ADMIN_READ_ROLES },
      schema: { tags: ['admin'], summary: 'Các đơn vị của cơ quan / Units of an agency', params: codeParams },
    },
    async (request) => ({ items: await service.listAgencyUnits(db, requireUser(request), request.params.code) }),
  );

  r.post(
    '/api/admin/agencies/:code/units',
    {
      config: { access: ADMIN_ROLES },
      schema: { tags: ['admin'], summary: 'Thêm đơn vị / Create a unit', params: codeParams, body: createUnitBody },
    },
    async (request, reply) => {
      const unit = await service.createUnit(db, requireUser(request), request.params.code, request.body);
      return reply.status(201).send(unit);
    },
  );

  r.patch(
    '/api/admin/units/:id',
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: ['admin'],
        summary: 'Sửa hoặc ngừng đơn vị / Edit or deactivate a unit',
        params: idParams,
        body: updateUnitBody,
      },
    },
    async (request) => service.updateUnit(db, requireUser(request), request.params.id, request.body),
  );

  await app.register(userRoutes, { db });
}
