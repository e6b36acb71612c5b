import { z } from 'zod';
import { ROLES } from '../identity/roles';
import { AGENCY_CODE_PATTERN, normalizeText, normalizePhone } from './rules';

export const AGENCY_KINDS = [
  'people_committee',
  'department',
  'service_center',
  'ward',
  'commune',
  'district',
] as const;
export const UNIT_KINDS = ['desk', 'specialist', 'leadership'] as const;

const agencyCode = z
  .string()
  .trim()
  .regex(AGENCY_CODE_PATTERN, 'Mã định danh phải có dạng 000.00.00.H40 / Code must look like 000.00.00.H40');
const name = z
  .string()
  .max(200)
  .transform(normalizeText)
  .refine((s) => /\p{L}/u.test(s), 'Tên không được để trống / Name is required');
const address = z.string().max(300).transform(normalizeText);
const phone = z
  .string()
  .max(30)
  .transform((s, ctx) => {
    const normalized = normalizePhone(s);
    if (normalized === null) {
      ctx.addIssue({ code: 'custom', message: 'Số điện thoại không hợp lệ / Invalid phone number' });
      return z.NEVER;
    }
    return normalized;
  });
const email = z.email('Địa chỉ email không hợp lệ / Invalid email address').max(200);
const id = z.coerce.number().int().positive().max(2_147_483_647);
const atLeastOne = (o: object) => Object.values(o).some((v) => v !== undefined);
const nothingToChange = 'Không có thông tin nào để thay đổi / Nothing to change';

export const codeParams = z.object({ code: z.string().max(30) });
export const idParams = z.object({ id });
export const roleParams = z.object({ id, roleId: id });

export const createAgencyBody = z.object({
  code: agencyCode,
  name,
  nameEn: name.optional(),
  level: z.string().max(30),
  kind: z.enum(AGENCY_KINDS),
  parentCode: z.string().trim().max(30),
  address: address.optional(),
  phone: phone.optional(),
});
export type CreateAgencyInput = z.infer<typeof createAgencyBody>;

export const updateAgencyBody = z
  .object({
    name: name.optional(),
    nameEn: name.nullable().optional(),
    address: address.nullable().optional(),
    phone: phone.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine(atLeastOne, nothingToChange);
export type UpdateAgencyInput = z.infer<typeof updateAgencyBody>;

export const createUnitBody = z.object({
  code: z
    .string()
    .trim()
    .regex(
      /^[A-Z][A-Z0-9]{0,15}$/,
      'Mã đơn vị gồm chữ in hoa và số, ví dụ MC / Unit code: capitals and digits, e.g. MC',
    ),
  name,
  kind: z.enum(UNIT_KINDS),
});
export type CreateUnitInput = z.infer<typeof createUnitBody>;

export const updateUnitBody = z
  .object({ name: name.optional(), kind: z.enum(UNIT_KINDS).optional(), active: z.boolean().optional() })
  .refine(atLeastOne, nothingToChange);
export type UpdateUnitInput = z.infer<typeof updateUnitBody>;

export const grantBody = z.object({
  role: z.enum(ROLES),
  agency: z.string().trim().max(30),
  unitId: id.optional(),
});
export type GrantInput = z.infer<typeof grantBody>;

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,49}$/,
    'Tên đăng nhập 3–50 ký tự: chữ thường không dấu, số, dấu chấm, gạch / Username: 3–50 of a-z, 0-9, . _ -',
  );

export const createUserBody = z.object({
  username,
  fullName: name,
  password: z.string().min(1).max(200),
  email: email.optional(),
  phone: phone.optional(),
  roles: z.array(grantBody).min(1, 'Cần ít nhất một vai trò / At least one role is required').max(20),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({
    fullName: name.optional(),
    email: email.nullable().optional(),
    phone: phone.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine(atLeastOne, nothingToChange);
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const resetPasswordBody = z.object({ password: z.string().min(1).max(200) });

export const listUsersQuery = z.object({
  agency: z.string().trim().max(30).optional(),
  unit: id.optional(),
  role: z.enum(ROLES).optional(),
  q: z.string().trim().max(100).optional(),
  active: z.stringbool().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;
