import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database';
import type { Config } from '../../config';
import { requireUser } from '../../shared/auth';
import { ADMIN_ROLES } from '../identity/roles';
import { formatVietnamTime, type DayStatus, type Explanation } from './rules';
import {
  agencyQuery,
  codeParams,
  dateParams,
  dayBody,
  daysQuery,
  daysResponse,
  deadlineQuery,
  deadlineResponse,
  settingsBody,
  settingsResponse,
} from './schema';
import * as service from './service';
import type { DayRow } from './store';

const PUBLIC_RATE = { max: 120, timeWindow: '1 minute' };

function explanationView(e: Explanation) {
  return {
    receivedAt: formatVietnamTime(e.receivedAt),
    receipt: e.receipt,
    counted: e.counted,
    skipped: e.skipped.map((s) => ({
      date: s.date,
      source: s.source,
      reason: s.reason,
      decision: s.decision,
      agency: s.agencyCode,
    })),
    summary: e.summary,
  };
}

const dayStatusView = (d: DayStatus) => ({
  date: d.date,
  working: d.working,
  name: d.name,
  nameEn: d.nameEn,
  source: d.source,
  decision: d.decision,
  agency: d.agencyCode,
});

const dayRowView = (d: DayRow) => ({
  date: d.date,
  working: d.working,
  name: d.name,
  nameEn: d.nameEn ?? d.name,
  source: 'announcement' as const,
  decision: d.decision,
  agency: d.agencyCode,
});

export async function calendarRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;

  r.get(
    '/api/calendar/deadline',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE },
      schema: {
        tags: ['calendar'],
        summary: 'Tính ngày hẹn trả kết quả / Compute the appointment for a receipt time',
        description:
          'Ngày nhận không tính; nhận sau giờ chốt hoặc vào ngày nghỉ thì tính từ ngày làm việc tiếp theo. explain=1 kèm giải thích từng ngày. / The day of receipt does not count; a receipt after the cut-off or on a non-working day counts from the next working day. explain=1 adds a day-by-day explanation.',
        querystring: deadlineQuery,
        response: { 200: deadlineResponse },
      },
    },
    async (request) => {
      const result = await service.deadlineFor(db, request.query);
      return {
        dueAt: formatVietnamTime(result.dueAt),
        ...(result.explanation ? { explanation: explanationView(result.explanation) } : {}),
      };
    },
  );

  r.get(
    '/api/calendar/days',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE },
      schema: {
        tags: ['calendar'],
        summary: 'Ngày lễ, nghỉ bù, ngày nghỉ và ngày làm bù / Holidays, days off and make-up working days',
        querystring: daysQuery,
        response: { 200: daysResponse },
      },
    },
    async (request) => ({ items: (await service.listDays(db, request.query)).map(dayStatusView) }),
  );

  r.put(
    '/api/calendar/days/:date',
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: ['calendar', 'admin'],
        summary: 'Đặt ngày nghỉ hoặc ngày làm bù / Set a day off or a make-up working day',
        description:
          'Không có agency: lịch toàn quốc (quản trị tỉnh). Có agency: áp dụng cho cơ quan đó và cấp dưới. / Without agency: the national calendar (province administrator). With agency: that agency and its subtree.',
        params: dateParams,
        querystring: agencyQuery,
        body: dayBody,
      },
    },
    async (request) => {
      const day = await service.setDay(db, requireUser(request), {
        agency: request.query.agency,
        date: request.params.date,
        day: request.body,
      });
      return dayRowView(day);
    },
  );

  r.delete(
    '/api/calendar/days/:date',
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: ['calendar', 'admin'],
        summary: 'Xóa ngày đã đặt / Remove a set day',
        params: dateParams,
        querystring: agencyQuery,
      },
    },
    async (request, reply) => {
      await service.removeDay(db, requireUser(request), { agency: request.query.agency, date: request.params.date });
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/calendar/agencies/:code/settings',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE },
      schema: {
        tags: ['calendar'],
        summary: 'Giờ làm việc và giờ chốt tiếp nhận của cơ quan / Office hours and cut-off of an agency',
        params: codeParams,
        response: { 200: settingsResponse },
      },
    },
    async (request) => service.getSettings(db, request.params.code),
  );

  r.put(
    '/api/calendar/agencies/:code/settings',
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: ['calendar', 'admin'],
        summary: 'Đặt giờ làm việc và giờ chốt tiếp nhận / Set office hours and cut-off',
        params: codeParams,
        body: settingsBody,
        response: { 200: settingsResponse },
      },
    },
    async (request) => service.setSettings(db, requireUser(request), request.params.code, request.body),
  );
}
