import type { Command } from 'commander';
import { loadConfig } from '../config';
import type { DbHandle } from '../db/database';
import { dispatchOutbox, outboxGateway, smtpMailer } from '../modules/notifications/dispatcher';
import { runDailyReminders } from '../modules/notifications/reminders';
import { messageSettings } from '../modules/notifications/settings';

/**
 * The scheduled jobs by hand or from cron, for a deployment that runs them outside the web processes
 * (`SCHEDULER_ENABLED=false`). Both are safe to run twice: a day's reminders run once, a message is sent once.
 */
export function registerJobCommands(program: Command, database: () => Promise<DbHandle>): void {
  program
    .command('reminders')
    .description("Send today's reminders to officers (once per working day) / Gửi nhắc việc hằng ngày")
    .option('--at <time>', 'run as of this ISO time instead of now (e.g. 2026-03-02T07:30:00+07:00)')
    .action(async (opts: { at?: string }) => {
      const now = opts.at ? new Date(opts.at) : new Date();
      if (Number.isNaN(now.getTime())) throw new Error(`--at: not an ISO time: ${opts.at}`);
      const { db } = await database();
      const result = await runDailyReminders(db, now, messageSettings(loadConfig()));
      console.log(JSON.stringify(result));
    });

  program
    .command('outbox')
    .description('Send the queued emails and phone messages / Gửi thư và tin nhắn đang chờ')
    .action(async () => {
      const config = loadConfig();
      const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
      try {
        const { db } = await database();
        const result = await dispatchOutbox(db, {
          mailer,
          gateway: outboxGateway,
          maxAttempts: config.outboxMaxAttempts,
        });
        console.log(JSON.stringify(result));
      } finally {
        mailer?.close();
      }
    });
}
