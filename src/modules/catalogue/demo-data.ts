import type { Tx } from '../../db/database';

export async function seedCatalogue(_tx: Tx): Promise<void> {}
