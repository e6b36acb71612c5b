import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { localDayAndTime } from '../calendar/dates';
import { loadWorkCalendar } from '../calendar/service';
import {
  dispatchOutbox,
  outboxGateway,
  smtpMailer,
  type DispatchResult,
  type JobLog,
  type Mailer,
  type MessageGateway,
} from './dispatcher';
import { runDailyReminders, type ReminderResult } from './reminders';
import { reminderDue } from './rules';
import { messageSettings } from './settings';

export type JobsDeps = {
  db: Db;
  config: Config;
  /** The time source; tests pass a fixed or stepping clock. */
  clock?: () => Date;
  /** Defaults to SMTP from `config.smtpUrl`, or none when it is unset. */
  mailer?: Mailer | null;
  gateway?: MessageGateway;
  log?: JobLog;
};

export type NotificationJobs = {
  /** Runs both jobs at once (catching up a missed reminder run) and then on their intervals. */
  start(): void;
  /** Stops the timers and waits for a run in progress. */
  stop(): Promise<void>;
  /** One check of the reminder job: runs today's reminders if due and not yet done. */
  remindersTick(): Promise<ReminderResult | null>;
  outboxTick(): Promise<DispatchResult | null>;
};

/** Runs `job` unless a run is in progress (then answers null); logs a failure instead of throwing. */
function singleFlight<T>(job: () => Promise<T>, log?: JobLog) {
  let running: Promise<T | null> | null = null;
  return {
    run(): Promise<T | null> {
      if (running) return Promise.resolve(null);
      const p = job()
        .catch((err: unknown) => {
          log?.error({ err }, 'notification job failed');
          return null;
        })
        .finally(() => {
          running = null;
        });
      running = p;
      return p;
    },
    idle: async () => {
      await running;
    },
  };
}

/**
 * The in-process scheduler: every `schedulerIntervalSeconds` it checks whether today's reminders
 * are due (a working day, at or after `reminderTime`); every `outboxIntervalSeconds` it dispatches
 * the outbox. Several processes may run it: `scheduled_runs` and `SKIP LOCKED` keep each run and
 * each message to one of them. Timers are unref'd, so they never keep the process alive.
 */
export function createNotificationJobs(deps: JobsDeps): NotificationJobs {
  const { db, config } = deps;
  const clock = deps.clock ?? (() => new Date());
  const ownMailer = deps.mailer === undefined && config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
  const dispatch = {
    mailer: deps.mailer !== undefined ? deps.mailer : ownMailer,
    gateway: deps.gateway ?? outboxGateway,
    maxAttempts: config.outboxMaxAttempts,
    log: deps.log,
  };
  const settings = messageSettings(config);
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  /** The Vietnam day whose reminders are known to be done, to skip the database until tomorrow. */
  let doneDay: string | null = null;

  const outbox = singleFlight(() => dispatchOutbox(db, dispatch, clock()), deps.log);
  const reminders = singleFlight(async () => {
    const now = clock();
    if (localDayAndTime(now).date === doneDay) return null;
    const { day, due } = reminderDue(await loadWorkCalendar(db, null), now, config.reminderTime);
    if (!due) return null;
    const result = await runDailyReminders(db, now, settings);
    doneDay = day;
    if (result.ran) {
      deps.log?.info({ day, ...result }, 'daily reminders sent');
      if (!stopped) void outbox.run();
    }
    return result;
  }, deps.log);

  return {
    start() {
      void reminders.run();
      void outbox.run();
      timers.push(setInterval(() => void reminders.run(), config.schedulerIntervalSeconds * 1000).unref());
      timers.push(setInterval(() => void outbox.run(), config.outboxIntervalSeconds * 1000).unref());
    },
    async stop() {
      stopped = true;
      for (const t of timers.splice(0)) clearInterval(t);
      await reminders.idle();
      await outbox.idle();
      ownMailer?.close();
    },
    remindersTick: reminders.run,
    outboxTick: outbox.run,
  };
}
