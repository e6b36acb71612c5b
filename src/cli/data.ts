import type { Command } from 'commander';
import type { DbHandle } from '../db/database';
import { seedDemo } from '../demo/seed';

export function registerDataCommands(program: Command, database: () => Promise<DbHandle>): void {
  program
    .command('seed')
    .description('Load the demo province into an empty database / Nạp dữ liệu mẫu vào cơ sở dữ liệu trống')
    .action(async () => {
      const { db } = await database();
      const any = await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
      if (any) throw new Error('The database already has data; demo data is loaded only into an empty database.');
      await seedDemo(db);
      console.log('Demo data loaded.');
    });
}
