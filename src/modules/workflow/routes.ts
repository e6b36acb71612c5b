import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { requireUser } from '../../shared/auth';
import { rolesFor } from '../dossiers/lifecycle';
import { codeParams } from '../dossiers/schema';
import { ADMIN_ROLES, STAFF_ROLES } from '../identity/roles';
import { apologize, pauseForSupplement, resumeAfterSupplement } from './clock-service';
import { assigneesOf, getProcess, getSettings, inboxOf, setSettings, transferList } from './query-service';
import {
  agencyParams,
  apologyBody,
  assignBody,
  commentBody,
  inboxQuery,
  pauseBody,
  reasonBody,
  resumeBody,
  sendBackBody,
  settingsBody,
  transfersQuery,
} from './schema';
import * as walk from './service';

const TAGS = ['workflow'];

export async function workflowRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
  const { db } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const action = (summary: string) => ({ tags: TAGS, summary, params: codeParams });

  r.get(
    '/api/workflow/inbox',
    {
      config: { access: STAFF_ROLES },
      schema: { tags: TAGS, summary: 'Hồ sơ cần xử lý của tôi / My inbox, by step due time', querystring: inboxQuery },
    },
    async (request) => inboxOf(db, requireUser(request), request.query),
  );

  r.get(
    '/api/workflow/transfers',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Hồ sơ liên thông chuyển đến, chuyển đi / Inter-agency transfers in and out',
        querystring: transfersQuery,
      },
    },
    async (request) => transferList(db, requireUser(request), request.query),
  );

  r.get(
    '/api/dossiers/:code/process',
    {
      config: { access: 'authenticated' },
      schema: action('Quy trình nội bộ của hồ sơ / The dossier’s internal process'),
    },
    async (request) => getProcess(db, requireUser(request), request.params.code),
  );

  r.get(
    '/api/workflow/settings/:agency',
    {
      config: { access: ADMIN_ROLES },
      schema: { tags: TAGS, summary: 'Cấu hình phân công / Assignment settings', params: agencyParams },
    },
    async (request) => getSettings(db, requireUser(request), request.params.agency),
  );

  r.put(
    '/api/workflow/settings/:agency',
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Đặt phân công tự động / Set automatic assignment',
        params: agencyParams,
        body: settingsBody,
      },
    },
    async (request) => setSettings(db, requireUser(request), request.params.agency, request.body),
  );

  r.get(
    '/api/dossiers/:code/assignees',
    {
      config: { access: rolesFor('assign') },
      schema: action('Cán bộ có thể được phân công bước hiện tại / Officers the current step may be assigned to'),
    },
    async (request) => assigneesOf(db, requireUser(request), request.params.code),
  );

  r.post(
    '/api/dossiers/:code/assign',
    {
      config: { access: rolesFor('assign') },
      schema: { ...action('Phân công xử lý / Assign the current step'), body: assignBody },
    },
    async (request) => walk.assignStep(db, requireUser(request), request.params.code, request.body),
  );

  r.post(
    '/api/dossiers/:code/forward',
    {
      config: { access: rolesFor('forward') },
      schema: { ...action('Chuyển bước tiếp theo / Complete the step and forward'), body: commentBody },
    },
    async (request) => walk.advance(db, requireUser(request), request.params.code, 'forward', request.body),
  );

  r.post(
    '/api/dossiers/:code/approve',
    {
      config: { access: rolesFor('approve') },
      schema: { ...action('Phê duyệt, ký / Approve and sign'), body: commentBody },
    },
    async (request) => walk.advance(db, requireUser(request), request.params.code, 'approve', request.body),
  );

  r.post(
    '/api/dossiers/:code/send-back',
    {
      config: { access: rolesFor('send_back') },
      schema: { ...action('Trả lại bước trước / Send back to an earlier step'), body: sendBackBody },
    },
    async (request) => walk.sendBack(db, requireUser(request), request.params.code, request.body),
  );

  r.post(
    '/api/dossiers/:code/pause',
    {
      config: { access: rolesFor('pause') },
      schema: {
        ...action('Yêu cầu bổ sung, dừng tính thời gian / Request a supplement, clock stopped'),
        body: pauseBody,
      },
    },
    async (request) => pauseForSupplement(db, requireUser(request), request.params.code, request.body),
  );

  r.post(
    '/api/dossiers/:code/resume',
    {
      config: { access: rolesFor('resume') },
      schema: { ...action('Bổ sung hồ sơ, tiếp tục giải quyết / Resume with the supplement'), body: resumeBody },
    },
    async (request) => resumeAfterSupplement(db, requireUser(request), request.params.code, request.body),
  );

  r.post(
    '/api/dossiers/:code/propose-rejection',
    {
      config: { access: rolesFor('propose_rejection') },
      schema: { ...action('Đề xuất từ chối giải quyết / Propose rejection'), body: reasonBody },
    },
    async (request) => walk.proposeRejection(db, requireUser(request), request.params.code, request.body),
  );

  r.post(
    '/api/dossiers/:code/approve-rejection',
    {
      config: { access: rolesFor('approve_rejection') },
      schema: { ...action('Phê duyệt từ chối giải quyết / Approve the rejection'), body: reasonBody },
    },
    async (request) => walk.approveRejection(db, requireUser(request), request.params.code, request.body),
  );

  r.post(
    '/api/dossiers/:code/result-ready',
    {
      config: { access: rolesFor('result_ready') },
      schema: { ...action('Có kết quả giải quyết / Mark the result ready'), body: commentBody },
    },
    async (request) => walk.resolve(db, requireUser(request), request.params.code, 'result_ready', request.body),
  );

  r.post(
    '/api/dossiers/:code/return',
    {
      config: { access: rolesFor('return') },
      schema: { ...action('Trả kết quả / Return the result'), body: commentBody },
    },
    async (request) => walk.returnResult(db, requireUser(request), request.params.code, request.body),
  );

  r.post(
    '/api/dossiers/:code/apology',
    {
      config: { access: rolesFor('apologize') },
      schema: {
        ...action('Xin lỗi, hẹn lại ngày trả kết quả (Mẫu 04) / Apologise, new appointment'),
        body: apologyBody,
      },
    },
    async (request) => apologize(db, requireUser(request), request.params.code, request.body),
  );
}
