import type { Command } from 'commander';
import type { DbHandle } from '../db/database';
import { hashPassword } from '../modules/identity/passwords';
import { ROLES, type Role } from '../modules/identity/roles';
import { checkNewPassword } from '../modules/identity/service';
import { audit } from '../shared/audit';

async function readPassword(given: string | undefined): Promise<string> {
  if (given) return given;
  if (process.env.MOTCUA_PASSWORD) return process.env.MOTCUA_PASSWORD;
  throw new Error('Give the password with --password or the MOTCUA_PASSWORD environment variable.');
}

export function registerUserCommands(program: Command, database: () => Promise<DbHandle>): void {
  const user = program.command('user').description('Manage users / Quản lý người dùng');

  user
    .command('create <username>')
    .description('Create a user with one role in one agency / Tạo người dùng với một vai trò')
    .requiredOption('--name <fullName>', 'full name (họ và tên)')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .requiredOption('--agency <code>', 'agency electronic identifier, e.g. 000.20.01.H40')
    .option('--unit <code>', 'unit code inside the agency, e.g. MC')
    .option('--password <password>', 'initial password (or MOTCUA_PASSWORD)')
    .action(
      async (
        username: string,
        opts: { name: string; role: string; agency: string; unit?: string; password?: string },
      ) => {
        if (!ROLES.includes(opts.role as Role))
          throw new Error(`Unknown role "${opts.role}". Roles: ${ROLES.join(', ')}`);
        const password = await readPassword(opts.password);
        checkNewPassword(password, 'password');
        const { db } = await database();
        const agency = await db
          .selectFrom('agencies')
          .select(['id'])
          .where('code', '=', opts.agency)
          .executeTakeFirst();
        if (!agency) throw new Error(`Unknown agency "${opts.agency}".`);
        const unit = opts.unit
          ? await db
              .selectFrom('units')
              .select('id')
              .where('agency_id', '=', agency.id)
              .where('code', '=', opts.unit)
              .executeTakeFirst()
          : undefined;
        if (opts.unit && !unit) throw new Error(`Unknown unit "${opts.unit}" in ${opts.agency}.`);
        const passwordHash = await hashPassword(password);
        await db.transaction().execute(async (tx) => {
          const taken = await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
          if (taken) throw new Error(`Username "${username}" is taken.`);
          const row = await tx
            .insertInto('users')
            .values({ username, full_name: opts.name, password_hash: passwordHash, password_changed_at: new Date() })
            .returning('id')
            .executeTakeFirstOrThrow();
          await tx
            .insertInto('user_roles')
            .values({ user_id: row.id, role: opts.role, agency_id: agency.id, unit_id: unit?.id ?? null })
            .execute();
          await audit.record(tx, {
            actorUserId: null,
            action: 'user.create',
            entityType: 'user',
            entityId: row.id,
            agencyId: agency.id,
            data: { via: 'cli', role: opts.role },
          });
        });
        console.log(`Created ${username} (${opts.role} at ${opts.agency}).`);
      },
    );

  user
    .command('password <username>')
    .description('Set a user’s password and end their sessions / Đặt lại mật khẩu')
    .option('--password <password>', 'new password (or MOTCUA_PASSWORD)')
    .action(async (username: string, opts: { password?: string }) => {
      const password = await readPassword(opts.password);
      checkNewPassword(password, 'password');
      const { db } = await database();
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (tx) => {
        const row = await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
        if (!row) throw new Error(`Unknown user "${username}".`);
        await tx
          .updateTable('users')
          .set({ password_hash: passwordHash, password_changed_at: new Date(), failed_logins: 0, locked_until: null })
          .where('id', '=', row.id)
          .execute();
        await tx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
        await audit.record(tx, {
          actorUserId: null,
          action: 'password.reset',
          entityType: 'user',
          entityId: row.id,
          data: { via: 'cli' },
        });
      });
      console.log(`Password of ${username} changed.`);
    });

  user
    .command('list')
    .description('List users with their roles / Liệt kê người dùng')
    .option('--agency <code>', 'only users with a role in this agency')
    .action(async (opts: { agency?: string }) => {
      const { db } = await database();
      let q = db
        .selectFrom('users as u')
        .innerJoin('user_roles as r', 'r.user_id', 'u.id')
        .innerJoin('agencies as a', 'a.id', 'r.agency_id')
        .leftJoin('units as n', 'n.id', 'r.unit_id')
        .select(['u.username', 'u.full_name', 'r.role', 'a.code', 'a.name', 'n.code as unit'])
        .orderBy('a.code')
        .orderBy('u.username');
      if (opts.agency) q = q.where('a.code', '=', opts.agency);
      for (const r of await q.execute()) {
        console.log(
          [
            r.username.padEnd(22),
            r.role.padEnd(15),
            `${r.code}${r.unit ? '/' + r.unit : ''}`.padEnd(20),
            r.full_name,
          ].join(' '),
        );
      }
    });
}
