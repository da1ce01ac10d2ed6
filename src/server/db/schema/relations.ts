import { relations } from 'drizzle-orm';
import { activities } from './activities';
import { certifications, people } from './people';

// Relations let a person's record load in one statement (see loadPersonRecord).
export const peopleRelations = relations(people, ({ many }) => ({
  certifications: many(certifications),
  activities: many(activities),
}));

export const certificationsRelations = relations(certifications, ({ one }) => ({
  person: one(people, { fields: [certifications.bodyId, certifications.personId], references: [people.bodyId, people.id] }),
}));

export const activitiesRelations = relations(activities, ({ one }) => ({
  person: one(people, { fields: [activities.bodyId, activities.personId], references: [people.bodyId, people.id] }),
}));
