import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database';
import { requireUser } from '../../shared/auth';
import {
  COMPLAINT_ANSWERERS,
  COMPLAINT_MANAGERS,
  COMPLAINT_READERS,
  COMPLAINT_RECORDERS,
  answerComplaint,
  assignComplaint,
  complaintDetail,
  listComplaints,
  publishComplaint,
  publishedList,
  publishedOne,
  submitComplaint,
} from './complaint-service';
import {
  answerBody,
  assignBody,
  codeParams,
  complaintBody,
  complaintDetailResponse,
  complaintListQuery,
  complaintListResponse,
  publicComplaintResponse,
  publicListQuery,
  publicListResponse,
  publishBody,
  submittedResponse,
} from './schema';

const TAGS = ['feedback'];
const PUBLIC_READ = { max: 120, timeWindow: '1 minute' };
/** Anonymous complaints from the portal: a few a minute per address. */
const PUBLIC_WRITE = { max: 5, timeWindow: '1 minute' };

/** Complaints and suggestions: portal and desk intake, the officers' handling, the public answers. */
export function complaintRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ------------------------------------------------------------ complaints (phản ánh, kiến nghị)
  r.post(
    '/api/public/complaints',
    {
      config: { access: 'public', rateLimit: PUBLIC_WRITE },
      schema: {
        tags: ['public'],
        summary: 'Gửi phản ánh, kiến nghị / Send a complaint or suggestion',
        body: complaintBody,
        response: { 201: submittedResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await submitComplaint(db, request.body, null)),
  );

  r.get(
    '/api/public/complaints',
    {
      config: { access: 'public', rateLimit: PUBLIC_READ },
      schema: {
        tags: ['public'],
        summary: 'Phản ánh, kiến nghị đã trả lời công khai / Published answers',
        querystring: publicListQuery,
        response: { 200: publicListResponse },
      },
    },
    async (request) => publishedList(db, request.query),
  );

  r.get(
    '/api/public/complaints/:code',
    {
      config: { access: 'public', rateLimit: PUBLIC_READ },
      schema: {
        tags: ['public'],
        summary: 'Một phản ánh đã công khai / One published complaint',
        params: codeParams,
        response: { 200: publicComplaintResponse },
      },
    },
    async (request) => publishedOne(db, request.params.code),
  );

  r.post(
    '/api/complaints',
    {
      config: { access: COMPLAINT_RECORDERS },
      schema: {
        tags: TAGS,
        summary: 'Ghi nhận phản ánh tại quầy / Record a complaint at the desk',
        body: complaintBody,
        response: { 201: submittedResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await submitComplaint(db, request.body, requireUser(request))),
  );

  r.get(
    '/api/complaints',
    {
      config: { access: COMPLAINT_READERS },
      schema: {
        tags: TAGS,
        summary: 'Danh sách phản ánh, kiến nghị / Complaints of the agency',
        querystring: complaintListQuery,
        response: { 200: complaintListResponse },
      },
    },
    async (request) => listComplaints(db, requireUser(request), request.query),
  );

  r.get(
    '/api/complaints/:code',
    {
      config: { access: COMPLAINT_READERS },
      schema: {
        tags: TAGS,
        summary: 'Chi tiết phản ánh, lịch sử xử lý / A complaint with its history',
        params: codeParams,
        response: { 200: complaintDetailResponse },
      },
    },
    async (request) => complaintDetail(db, requireUser(request), request.params.code),
  );

  r.post(
    '/api/complaints/:code/assign',
    {
      config: { access: COMPLAINT_MANAGERS },
      schema: {
        tags: TAGS,
        summary: 'Phân công xử lý / Assign',
        params: codeParams,
        body: assignBody,
        response: { 200: complaintDetailResponse },
      },
    },
    async (request) => assignComplaint(db, requireUser(request), request.params.code, request.body.assignee),
  );

  r.post(
    '/api/complaints/:code/answer',
    {
      config: { access: COMPLAINT_ANSWERERS },
      schema: {
        tags: TAGS,
        summary: 'Trả lời / Answer',
        params: codeParams,
        body: answerBody,
        response: { 200: complaintDetailResponse },
      },
    },
    async (request) => answerComplaint(db, requireUser(request), request.params.code, request.body.answer),
  );

  r.post(
    '/api/complaints/:code/publish',
    {
      config: { access: COMPLAINT_MANAGERS },
      schema: {
        tags: TAGS,
        summary: 'Công khai kết quả trả lời / Publish the answer',
        params: codeParams,
        body: publishBody,
        response: { 200: complaintDetailResponse },
      },
    },
    async (request) => publishComplaint(db, requireUser(request), request.params.code, request.body),
  );
}
