import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database';
import type { Config } from '../../config';

export async function calendarRoutes(_app: FastifyInstance, _opts: { db: Db; config: Config }) {}
