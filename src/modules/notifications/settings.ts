import { loadConfig, type Config } from '../../config';
import type { PhoneChannel } from './rules';

/** What rendering and queueing messages needs from the configuration. */
export type MessageSettings = {
  publicBaseUrl: string;
  applicantPhoneChannels: readonly PhoneChannel[];
  reminderWindowWorkingDays: number;
};

export function messageSettings(config: Config): MessageSettings {
  return {
    publicBaseUrl: config.publicBaseUrl,
    applicantPhoneChannels: config.applicantPhoneChannels,
    reminderWindowWorkingDays: config.reminderWindowWorkingDays,
  };
}

let fromEnvironment: MessageSettings | null = null;

/**
 * The settings of the process's configuration, for callers that have no config at hand (other
 * modules' services call `notifyApplicant` inside their transactions); the app is built from the
 * same environment, so both agree.
 */
export function environmentSettings(): MessageSettings {
  fromEnvironment ??= messageSettings(loadConfig());
  return fromEnvironment;
}
