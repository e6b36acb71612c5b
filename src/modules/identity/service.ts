import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database';
import type { Config } from '../../config';
import { AppError, invalid } from '../../shared/errors';
import { audit } from '../../shared/audit';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { afterFailedLogin, isLocked, type Principal } from './rules';
import { GroupCommit, groupPerOwner } from '../../shared/group-commit';
import { ProcessCache } from '../../shared/process-cache';
import {
  findSessions,
  findUserByUsername,
  loadGrants,
  sessionsChanged,
  sessionsGeneration,
  type SessionLookup,
} from './store';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 401, 'Tên đăng nhập hoặc mật khẩu không đúng', 'Wrong username or password');

export type LoginResult = { token: string; csrfToken: string; expiresAt: Date; principal: Principal };

export async function login(
  db: Db,
  config: Config,
  username: string,
  password: string,
  now = new Date(),
): Promise<LoginResult> {
  const user = await findUserByUsername(db, username);
  if (!user || !user.active) {
    await verifyPassword(DUMMY_HASH, password);
    throw invalidCredentials();
  }
  const lock = { failedLogins: user.failed_logins, lockedUntil: user.locked_until };
  if (isLocked(lock, now)) {
    throw new AppError(
      'ACCOUNT_LOCKED',
      423,
      'Tài khoản tạm khóa do đăng nhập sai nhiều lần, vui lòng thử lại sau',
      'Account temporarily locked after repeated failed logins; try again later',
      undefined,
      { lockedUntil: user.locked_until?.toISOString() },
    );
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const next = afterFailedLogin(lock, now, config.loginMaxFailures, config.loginLockMinutes);
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({ failed_logins: next.failedLogins, locked_until: next.lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await audit.record(tx, {
        actorUserId: null,
        action: next.lockedUntil && isLocked(next, now) ? 'login.locked' : 'login.failed',
        entityType: 'user',
        entityId: user.id,
      });
    });
    throw invalidCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3_600_000);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await tx
      .insertInto('sessions')
      .values({ token_hash: hashToken(token), user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt })
      .execute();
    await tx.deleteFrom('sessions').where('user_id', '=', user.id).where('expires_at', '<', now).execute();
    await audit.record(tx, { actorUserId: user.id, action: 'login', entityType: 'user', entityId: user.id });
  });
  const grants = await loadGrants(db, user.id);
  return {
    token,
    csrfToken,
    expiresAt,
    principal: { userId: user.id, username: user.username, fullName: user.full_name, grants },
  };
}

type SessionQuestion = { tokenHash: string; now: Date };
type StoredSession = SessionLookup & { expiresAt: Date };

/** Concurrent requests' sessions in one query: under load a round trip per request is most of its cost. */
const sessionReads = groupPerOwner(
  (db: Db) =>
    new GroupCommit<SessionQuestion, StoredSession | null>(
      async (questions) => {
        const earliest = new Date(Math.min(...questions.map((q) => q.now.getTime())));
        const found = await findSessions(db, [...new Set(questions.map((q) => q.tokenHash))], earliest);
        return questions.map((q) => ({ ok: true, value: found.get(q.tokenHash) ?? null }));
      },
      { maxBatch: 256, maxInFlight: 1 },
    ),
);

/**
 * How long a session read stays in the process (docs/performance.md, "Sessions held for a second"):
 * a logout, password change, deactivation or role change made by this process shows at once; one made
 * by another app process, or by the CLI, within this time.
 */
export const SESSION_CACHE_MS = 1_000;
const sessions = new ProcessCache<string, StoredSession | null>(sessionsGeneration, SESSION_CACHE_MS, 10_000);

/** The session of a token, or null if none is valid now. */
export async function authenticate(db: Db, token: string, now = new Date()): Promise<SessionLookup | null> {
  const tokenHash = hashToken(token);
  const s = await sessions.get(db, tokenHash, () => sessionReads(db).submit({ tokenHash, now }));
  return s && s.expiresAt > now ? { principal: s.principal, csrfToken: s.csrfToken } : null;
}

export async function logout(db: Db, token: string, userId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    sessionsChanged();
    await tx.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
    await audit.record(tx, { actorUserId: userId, action: 'logout', entityType: 'user', entityId: userId });
  });
}

export const MIN_PASSWORD_LENGTH = 8;

export function checkNewPassword(password: string, field = 'newPassword'): void {
  if (password.length < MIN_PASSWORD_LENGTH || !/\p{L}/u.test(password) || !/\d/.test(password)) {
    throw invalid(
      field,
      `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự, gồm cả chữ và số`,
      `Password must have at least ${MIN_PASSWORD_LENGTH} characters with letters and digits`,
    );
  }
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(
  db: Db,
  userId: number,
  currentToken: string,
  current: string,
  next: string,
): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select(['password_hash'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, current))) {
    throw new AppError(
      'INVALID_CREDENTIALS',
      400,
      'Mật khẩu hiện tại không đúng',
      'Current password is wrong',
      'currentPassword',
    );
  }
  checkNewPassword(next);
  if (next === current) {
    throw invalid(
      'newPassword',
      'Mật khẩu mới phải khác mật khẩu cũ',
      'The new password must differ from the current one',
    );
  }
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (tx) => {
    sessionsChanged();
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: new Date() })
      .where('id', '=', userId)
      .execute();
    await tx
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('token_hash', '!=', hashToken(currentToken))
      .execute();
    await audit.record(tx, { actorUserId: userId, action: 'password.change', entityType: 'user', entityId: userId });
  });
}
