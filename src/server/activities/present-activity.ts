import type { ActivityRow } from '../certificants/load-person-record';
import type { ActivityView } from './activity-schemas';

export function presentActivity(row: ActivityRow): ActivityView {
  return {
    id: row.id,
    personId: row.personId,
    title: row.title,
    provider: row.provider,
    type: row.type,
    startDate: row.startDate,
    endDate: row.endDate,
    hours: row.hundredths / 100,
    categories: row.categories,
    approved: row.approved,
    approvalCode: row.approvalCode,
    city: row.city,
    region: row.region,
    virtual: row.virtual,
    review: row.review,
    reviewReason: row.reviewReason,
    locked: row.lockedAt !== null,
  };
}
