import type { Tx } from '../../db/database';

export async function seedCalendar(_tx: Tx): Promise<void> {}
