import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { requireUser } from '../../shared/auth';
import { formPdfParams } from './schema';
import { formPdf } from './service';

export async function documentRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
  const { db, config } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/dossiers/:code/forms/:form.pdf',
    {
      // The same people as the form's data: staff in scope of the dossier, or its applicant.
      config: { access: 'authenticated' },
      schema: {
        tags: ['documents'],
        summary: 'In Mẫu 01–05 (PDF khổ A4) / A printed form (Mẫu 01–05) as an A4 PDF',
        params: formPdfParams,
      },
    },
    async (request, reply) => {
      const { code, form } = request.params;
      const pdf = await formPdf(db, requireUser(request), config.publicBaseUrl, code, form);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${code}-${form}.pdf"`)
        .send(pdf);
    },
  );
}
