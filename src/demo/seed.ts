import type { Db } from '../db/database';
import type { Config } from '../config';
import { verifyPassword } from '../modules/identity/passwords';
import { seedOrganisation, DEMO_PASSWORD, DEMO_USERNAMES } from '../modules/agencies/demo-data';
import { seedCatalogue } from '../modules/catalogue/demo-data';
import { seedCalendar } from '../modules/calendar/demo-data';
import { seedDemoDossiers } from './demo-dossiers';
import { seedDemoTemplates } from './demo-templates';

/** Loads the whole demo province in one transaction. */
export async function seedDemo(db: Db): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await seedOrganisation(tx);
    await seedCatalogue(tx);
    await seedCalendar(tx);
  });
}

/**
 * `npm start` seeds an empty database (the province and a year of generated dossiers up to now) unless
 * SEED_DEMO=never; production seeds only with SEED_DEMO=always.
 */
export async function seedDemoIfEmpty(db: Db, config: Config): Promise<boolean> {
  if (config.seedDemo === 'never' || (config.seedDemo === 'auto' && config.env === 'production')) return false;
  const any = await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  await seedDemo(db);
  // Demo stand-ins for the official forms, downloadable from the procedure pages (not in `seedDemo`:
  // every test database is seeded with it, and the PDFs take a couple of seconds to render).
  await db.transaction().execute(seedDemoTemplates);
  if (config.demoDossiers > 0) await seedDemoDossiers(db, new Date(), config.demoDossiers);
  return true;
}

/** api.md: production mode must refuse to run with the documented demo passwords. */
export async function refuseDemoPasswordsInProduction(db: Db): Promise<void> {
  const users = await db
    .selectFrom('users')
    .select(['username', 'password_hash'])
    .where('username', 'in', DEMO_USERNAMES)
    .execute();
  for (const u of users) {
    if (await verifyPassword(u.password_hash, DEMO_PASSWORD)) {
      throw new Error(
        `Refusing to start in production: user "${u.username}" still has the demo password. Change it (npm run cli -- user password ${u.username}) or remove demo data.`,
      );
    }
  }
}
