import { z } from 'zod';
import { FORM_KINDS } from './rule-sets';

export const formPdfParams = z.object({ code: z.string().trim().min(1).max(80), form: z.enum(FORM_KINDS) });
