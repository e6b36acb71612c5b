import type { Db, Executor } from '../../db/database';
import { audit } from '../../shared/audit';
import { requireRoleOver } from '../../shared/auth';
import { conflict, forbidden, invalid, notFound } from '../../shared/errors';
import { foldVietnamese } from '../../shared/text';
import { hashPassword } from '../identity/passwords';
import { ROLE_NAMES, type Role } from '../identity/roles';
import type { Principal } from '../identity/rules';
import { checkNewPassword } from '../identity/service';
import {
  ADMIN_READ_ROLES,
  likeLiteral,
  mayGrant,
  mayManageUser,
  readScopePaths,
  revokeProblem,
  roleFitsAgency,
  seesPersonalData,
  visibleGrants,
} from './rules';
import type { CreateUserInput, GrantInput, ListUsersQuery, UpdateUserInput } from './schema';
import { changedFields } from './service';
import * as store from './store';
import * as users from './user-store';
import type { Grant, UserRecord } from './user-store';
import { pageLimits } from '../../shared/paging';

const grantView = (g: Grant) => ({
  id: g.id,
  role: g.role,
  roleName: ROLE_NAMES[g.role].vi,
  roleNameEn: ROLE_NAMES[g.role].en,
  agency: g.agencyCode,
  agencyName: g.agencyName,
  unitId: g.unitId,
  unit: g.unitCode,
});

/** A user as `actor` may see them: grants inside the actor's scope only, personal data to administrators only. */
function userView(actor: Principal, u: UserRecord, grants: Grant[], now: Date) {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    active: u.active,
    locked: u.lockedUntil !== null && u.lockedUntil.getTime() > now.getTime(),
    roles: visibleGrants(actor, grants).map(grantView),
    canManage: mayManageUser(actor, grants),
    ...(seesPersonalData(actor, grants) ? { email: u.email, phone: u.phone } : {}),
  };
}

const userNotFound = () => notFound('User', 'người dùng');

/** The user with all their grants, or 404 when none of the grants lies in the actor's scope. */
async function loadVisibleUser(db: Executor, actor: Principal, id: number) {
  const user = await users.findUser(db, id);
  const grants = user ? await users.grantsOf(db, [id]) : [];
  if (!user || visibleGrants(actor, grants).length === 0) throw userNotFound();
  return { user, grants };
}

async function loadManagedUser(db: Executor, actor: Principal, id: number) {
  const loaded = await loadVisibleUser(db, actor, id);
  if (!mayManageUser(actor, loaded.grants)) throw forbidden();
  return loaded;
}

export async function listUsers(db: Db, actor: Principal, query: ListUsersQuery, now = new Date()) {
  let agencyPath: string | undefined;
  if (query.agency) {
    const agency = await store.findAgencyByCode(db, query.agency);
    if (!agency) throw invalid('agency', 'Cơ quan không tồn tại', 'Unknown agency');
    requireRoleOver(actor, ADMIN_READ_ROLES, agency.path);
    agencyPath = agency.path;
  }
  if (query.unit !== undefined) {
    const unit = await store.findUnit(db, query.unit);
    if (!unit) throw invalid('unit', 'Đơn vị không tồn tại', 'Unknown unit');
    requireRoleOver(actor, ADMIN_READ_ROLES, unit.agencyPath);
  }
  const search = query.q ? likeLiteral(foldVietnamese(query.q)) : undefined;
  const { rows, total } = await users.listUsers(
    db,
    { within: readScopePaths(actor), agencyPath, unitId: query.unit, role: query.role, search, active: query.active },
    pageLimits(query),
  );
  const grants = await users.grantsOf(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.map((u) =>
    userView(
      actor,
      u,
      grants.filter((g) => g.userId === u.id),
      now,
    ),
  );
  return { items, total };
}

export async function getUser(db: Db, actor: Principal, id: number, now = new Date()) {
  const { user, grants } = await loadVisibleUser(db, actor, id);
  return userView(actor, user, grants, now);
}

/** Checks one requested grant against the escalation rules and the agency's units; `at` prefixes error fields. */
async function resolveGrant(db: Executor, actor: Principal, input: GrantInput, at = '') {
  const agency = await store.findAgencyByCode(db, input.agency);
  if (!agency || !agency.active) {
    throw invalid(`${at}agency`, 'Cơ quan không tồn tại hoặc đã ngừng hoạt động', 'Unknown or inactive agency');
  }
  if (!mayGrant(actor, input.role, agency.path)) throw forbidden();
  if (!roleFitsAgency(input.role, agency)) {
    throw invalid(
      `${at}role`,
      'Quản trị tỉnh chỉ được giao tại UBND tỉnh',
      'Province administrators belong to the province',
    );
  }
  if (input.unitId !== undefined) {
    const unit = await store.findUnit(db, input.unitId);
    if (!unit || unit.agencyId !== agency.id || !unit.active) {
      throw invalid(
        `${at}unitId`,
        'Đơn vị không thuộc cơ quan này hoặc đã ngừng hoạt động',
        'The unit does not belong to this agency or is inactive',
      );
    }
  }
  return { role: input.role as Role, agencyId: agency.id, agencyCode: agency.code, unitId: input.unitId ?? null };
}

const usernameTaken = () =>
  conflict('USERNAME_TAKEN', 'Tên đăng nhập đã được sử dụng', 'The username is already taken', 'username');

export async function createUser(db: Db, actor: Principal, input: CreateUserInput, now = new Date()) {
  checkNewPassword(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  try {
    const id = await db.transaction().execute(async (tx) => {
      const wanted = [];
      for (const [i, g] of input.roles.entries()) wanted.push(await resolveGrant(tx, actor, g, `roles.${i}.`));
      const distinct = [...new Map(wanted.map((g) => [`${g.role}/${g.agencyId}/${g.unitId}`, g])).values()];
      if (await users.usernameTaken(tx, input.username)) throw usernameTaken();
      const userId = await users.insertUser(tx, {
        username: input.username,
        fullName: input.fullName,
        passwordHash,
        email: input.email ?? null,
        phone: input.phone ?? null,
      });
      for (const g of distinct) await users.insertGrant(tx, { userId, ...g });
      await audit.record(tx, {
        actorUserId: actor.userId,
        action: 'user.create',
        entityType: 'user',
        entityId: userId,
        agencyId: distinct[0].agencyId,
        data: { username: input.username, roles: distinct.map((g) => ({ role: g.role, agency: g.agencyCode })) },
      });
      return userId;
    });
    return await getUser(db, actor, id, now);
  } catch (err) {
    throw store.isUniqueViolation(err) ? usernameTaken() : err;
  }
}

export async function updateUser(db: Db, actor: Principal, id: number, input: UpdateUserInput, now = new Date()) {
  await db.transaction().execute(async (tx) => {
    const { user } = await loadManagedUser(tx, actor, id);
    if (input.active === false && id === actor.userId) {
      throw conflict(
        'OWN_ACCOUNT',
        'Không thể tự khóa tài khoản của mình',
        'You cannot deactivate your own account',
        'active',
      );
    }
    await users.updateUser(tx, id, {
      full_name: input.fullName,
      email: input.email,
      phone: input.phone,
      active: input.active,
    });
    if (input.active === false && user.active) await users.endSessions(tx, id);
    await audit.record(tx, {
      actorUserId: actor.userId,
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      data: { fields: changedFields(input), ...(input.active === undefined ? {} : { active: input.active }) },
    });
  });
  return getUser(db, actor, id, now);
}

/** An administrator sets a new password; every session of the user ends. */
export async function resetPassword(db: Db, actor: Principal, id: number, password: string): Promise<void> {
  checkNewPassword(password, 'password');
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    await loadManagedUser(tx, actor, id);
    await users.updateUser(tx, id, { password_hash: passwordHash, password_changed_at: new Date() });
    await users.endSessions(tx, id);
    await audit.record(tx, {
      actorUserId: actor.userId,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
    });
  });
}

/** Clears the lock left by repeated failed logins. */
export async function unlockUser(db: Db, actor: Principal, id: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await loadManagedUser(tx, actor, id);
    await users.updateUser(tx, id, { failed_logins: 0, locked_until: null });
    await audit.record(tx, { actorUserId: actor.userId, action: 'user.unlock', entityType: 'user', entityId: id });
  });
}

export async function grantRole(db: Db, actor: Principal, userId: number, input: GrantInput) {
  const alreadyGranted = () =>
    conflict('ROLE_ALREADY_GRANTED', 'Người dùng đã có vai trò này', 'The user already holds this role', 'role');
  try {
    const grantId = await db.transaction().execute(async (tx) => {
      await loadVisibleUser(tx, actor, userId);
      const g = await resolveGrant(tx, actor, input);
      if (await users.grantExists(tx, { userId, ...g })) throw alreadyGranted();
      const id = await users.insertGrant(tx, { userId, ...g });
      await audit.record(tx, {
        actorUserId: actor.userId,
        action: 'role.grant',
        entityType: 'user',
        entityId: userId,
        agencyId: g.agencyId,
        data: { grantId: id, role: g.role, agency: g.agencyCode, unitId: g.unitId },
      });
      return id;
    });
    const [grant] = (await users.grantsOf(db, [userId])).filter((g) => g.id === grantId);
    return grantView(grant);
  } catch (err) {
    throw store.isUniqueViolation(err) ? alreadyGranted() : err;
  }
}

export async function revokeRole(db: Db, actor: Principal, userId: number, grantId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { grants } = await loadVisibleUser(tx, actor, userId);
    const grant = visibleGrants(actor, grants).find((g) => g.id === grantId);
    if (!grant) throw notFound('Role', 'vai trò');
    if (!mayGrant(actor, grant.role, grant.agencyPath)) throw forbidden();
    const problem = revokeProblem(actor.userId, userId, grants, grantId);
    if (problem === 'own_last_admin_role') {
      throw conflict(
        'OWN_LAST_ADMIN_ROLE',
        'Không thể tự thu hồi vai trò quản trị cuối cùng của mình',
        'You cannot revoke your own last administrator role',
      );
    }
    if (problem === 'last_role') {
      throw conflict(
        'LAST_ROLE',
        'Người dùng phải còn ít nhất một vai trò; hãy khóa tài khoản thay vì thu hồi',
        'A user keeps at least one role; deactivate the account instead',
      );
    }
    await users.deleteGrant(tx, grantId);
    await audit.record(tx, {
      actorUserId: actor.userId,
      action: 'role.revoke',
      entityType: 'user',
      entityId: userId,
      agencyId: grant.agencyId,
      data: { grantId, role: grant.role, agency: grant.agencyCode, unitId: grant.unitId },
    });
  });
}
