import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Config } from './config';
import type { Db } from './db/database';
import { authPlugin } from './shared/auth';
import { registerErrorHandler } from './shared/errors';
import { loggerOptions } from './shared/logger';
import { identityRoutes } from './modules/identity/routes';
import { agencyRoutes } from './modules/agencies/routes';
import { catalogueRoutes } from './modules/catalogue/routes';
import { calendarRoutes } from './modules/calendar/routes';
import { dossierRoutes } from './modules/dossiers/routes';
import { documentRoutes } from './modules/documents/routes';
import { notificationRoutes } from './modules/notifications/routes';
import { createNotificationJobs } from './modules/notifications/scheduler';
import { feedbackRoutes } from './modules/feedback/routes';
import { reportRoutes } from './modules/reports/routes';
import { webRoutes } from './modules/web/routes';
import { workflowRoutes } from './modules/workflow/routes';

/** `onRoute` sees every route as it is registered (test/scope.test.ts checks each one). */
export type AppDeps = { config: Config; db: Db; onRoute?: (route: RouteOptions) => void };

/** Builds the whole app from its config and database; tests build it the same way. */
export async function buildApp({ config, db, onRoute }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.env === 'test' ? false : loggerOptions(config.logLevel),
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: true,
  });
  if (onRoute) app.addHook('onRoute', onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Motcua API — Hệ thống một cửa điện tử',
        description:
          'API công khai và nội bộ của hệ thống một cửa điện tử / Public and internal API of the one-stop-shop.',
        version: '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(authPlugin, { db });

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    await sql`select 1`.execute(db);
    return reply.send({ status: 'ok' });
  });

  await app.register(identityRoutes, { db, config });
  await app.register(agencyRoutes, { db, config });
  await app.register(catalogueRoutes, { db, config });
  await app.register(calendarRoutes, { db, config });
  await app.register(dossierRoutes, { db, config });
  await app.register(workflowRoutes, { db, config });
  await app.register(documentRoutes, { db, config });
  await app.register(notificationRoutes, { db, config });
  await app.register(reportRoutes, { db, config });
  await app.register(feedbackRoutes, { db, config });
  if (config.schedulerEnabled) {
    // Daily reminders and the outbox dispatcher live and die with the app.
    const jobs = createNotificationJobs({ db, config, log: app.log });
    app.addHook('onReady', async () => jobs.start());
    app.addHook('onClose', () => jobs.stop());
  }
  await app.register(webRoutes, { config });
  return app;
}
