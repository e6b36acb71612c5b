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
        summary: 'In biểu mẫu của hồ sơ (PDF khổ A4) / A printed form of the dossier as an A4 PDF',
        description:
          'Circular 01/2018/TT-VPCP, Mẫu 01–05, for dossiers received under Decree 61/2018; Circular 03/2025/TT-VPCP, ' +
          'Mẫu 01–06 (with `stop-notice`, Mẫu 05), for those received under Decree 118/2025.',
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
