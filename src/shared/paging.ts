/** A page of a list as the routes' queries ask for it: its number (from 1) and size. */
export type PageQuery = { page: number; pageSize: number };

/** The rows that page covers, as SQL's LIMIT and OFFSET. */
export const pageLimits = (q: PageQuery) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
