import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { requireUser } from '../../shared/auth';
import { complaintRoutes } from './complaint-routes';
import { evaluation, qualityRanking } from './evaluation-service';
import {
  KIOSK_ROLES,
  kioskReturns,
  linkInfo,
  rateAsApplicant,
  rateAtKiosk,
  rateByLink,
  ratedDossierList,
  ratingSummary,
  reasonList,
} from './rating-service';
import {
  agencyParams,
  codeParams,
  evaluationQuery,
  evaluationResponse,
  indexQuery,
  indexResponse,
  kioskRatingBody,
  kioskResponse,
  linkResponse,
  ratedDossiersQuery,
  ratedDossiersResponse,
  ratingBody,
  ratingResponse,
  ratingSummaryQuery,
  ratingSummaryResponse,
  reasonsResponse,
  settingsBody,
  tokenParams,
} from './schema';
import { RESULT_ROLES } from './scope';
import { loadSettings, saveSettings } from './settings';

const TAGS = ['feedback'];
const PUBLIC_READ = { max: 120, timeWindow: '1 minute' };
/** Anonymous writes (a rating by link, a complaint from the portal): a few a minute per address. */
const PUBLIC_WRITE = { max: 5, timeWindow: '1 minute' };

export async function feedbackRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
  const { db } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ------------------------------------------------------------ ratings
  r.get(
    '/api/public/ratings/:token',
    {
      config: { access: 'public', rateLimit: PUBLIC_READ },
      schema: {
        tags: ['public'],
        summary: 'Đường dẫn đánh giá sự hài lòng / A rating link',
        params: tokenParams,
        response: { 200: linkResponse },
      },
    },
    async (request) => linkInfo(db, request.params.token),
  );

  r.post(
    '/api/public/ratings/:token',
    {
      config: { access: 'public', rateLimit: PUBLIC_WRITE },
      schema: {
        tags: ['public'],
        summary: 'Đánh giá qua đường dẫn một lần / Rate through the one-time link',
        params: tokenParams,
        body: ratingBody,
        response: { 201: ratingResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await rateByLink(db, request.params.token, request.body)),
  );

  r.get(
    '/api/public/rating-reasons',
    {
      config: { access: 'public', rateLimit: PUBLIC_READ },
      schema: {
        tags: ['public'],
        summary: 'Danh mục lý do chưa hài lòng / The reasons for not being satisfied',
        response: { 200: reasonsResponse },
      },
    },
    async () => ({ items: reasonList() }),
  );

  r.post(
    '/api/dossiers/:code/rating',
    {
      config: { access: ['citizen'] },
      schema: {
        tags: TAGS,
        summary: 'Công dân đánh giá hồ sơ của mình / The applicant rates their dossier',
        params: codeParams,
        body: ratingBody,
        response: { 201: ratingResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rateAsApplicant(db, requireUser(request), request.params.code, request.body)),
  );

  r.get(
    '/api/kiosk/:agency/returns',
    {
      config: { access: [...KIOSK_ROLES] },
      schema: {
        tags: TAGS,
        summary: 'Kiosk: hồ sơ vừa trả kết quả chưa đánh giá / Kiosk: results just returned, not rated',
        params: agencyParams,
        response: { 200: kioskResponse },
      },
    },
    async (request) => kioskReturns(db, requireUser(request), request.params.agency),
  );

  r.post(
    '/api/kiosk/:agency/ratings',
    {
      config: { access: [...KIOSK_ROLES] },
      schema: {
        tags: TAGS,
        summary: 'Kiosk: đánh giá tại quầy / Kiosk: rating at the desk',
        params: agencyParams,
        body: kioskRatingBody,
        response: { 201: ratingResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rateAtKiosk(db, requireUser(request), request.params.agency, request.body)),
  );

  r.get(
    '/api/feedback/ratings',
    {
      config: { access: RESULT_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Kết quả đánh giá sự hài lòng / Satisfaction results',
        querystring: ratingSummaryQuery,
        response: { 200: ratingSummaryResponse },
      },
    },
    async (request) => ratingSummary(db, requireUser(request), request.query),
  );

  r.get(
    '/api/feedback/ratings/dossiers',
    {
      config: { access: RESULT_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Hồ sơ đã được đánh giá (theo mức độ) / The rated dossiers behind the results',
        querystring: ratedDossiersQuery,
        response: { 200: ratedDossiersResponse },
      },
    },
    async (request) => ratedDossierList(db, requireUser(request), request.query),
  );

  // ------------------------------------------------------------ evaluation and quality index
  r.get(
    '/api/feedback/evaluation',
    {
      config: { access: RESULT_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Đánh giá cán bộ, đơn vị / Evaluation of officers and units',
        querystring: evaluationQuery,
        response: { 200: evaluationResponse },
      },
    },
    async (request) => evaluation(db, requireUser(request), request.query),
  );

  r.get(
    '/api/feedback/quality-index',
    {
      config: { access: RESULT_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Chỉ số chất lượng phục vụ, xếp hạng (766/QĐ-TTg) / Service-quality index and ranking',
        querystring: indexQuery,
        response: { 200: indexResponse },
      },
    },
    async (request) => qualityRanking(db, requireUser(request), request.query),
  );

  r.get(
    '/api/feedback/settings',
    {
      config: { access: 'public', rateLimit: PUBLIC_READ },
      schema: {
        tags: TAGS,
        summary: 'Thời hạn trả lời phản ánh, trọng số chỉ số / Complaint deadline and index weights',
        response: { 200: settingsBody },
      },
    },
    async () => loadSettings(db),
  );

  r.put(
    '/api/feedback/settings',
    {
      config: { access: ['province_admin'] },
      schema: {
        tags: TAGS,
        summary: 'Sửa thời hạn, trọng số / Edit the deadline and weights',
        body: settingsBody,
        response: { 200: settingsBody },
      },
    },
    async (request) => saveSettings(db, requireUser(request), request.body),
  );

  complaintRoutes(app, db);
}
