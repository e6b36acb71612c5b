import type { Insertable } from 'kysely';
import type { Executor } from '../db/database';
import { insertRows } from '../db/insert-rows';
import type { AuditLogTable } from '../modules/identity/tables';

export type AuditEvent = {
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  agencyId?: number | null;
  data?: Record<string, unknown>;
};

/**
 * The one audit writer. Call it with the transaction of the change it records, so the change and
 * its trail commit together. Never put personal data (CCCD, phone) in `data`.
 */
/** The row of an audit record (the audit writer's, and a statement that writes a batch's changes at once). */
export function auditRow(e: AuditEvent): Insertable<AuditLogTable> {
  return {
    actor_user_id: e.actorUserId,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId == null ? null : String(e.entityId),
    agency_id: e.agencyId ?? null,
    data: JSON.stringify(e.data ?? {}),
  };
}

export const audit = {
  record(tx: Executor, e: AuditEvent): Promise<void> {
    return audit.recordAll(tx, [e]);
  },
  /** Several records in one statement (a batch of intakes). */
  async recordAll(tx: Executor, events: readonly AuditEvent[]): Promise<void> {
    await insertRows(tx, 'audit_log', events.map(auditRow), ['data']);
  },
};
