import { mulberry32 } from '../random';
import { addYears, formatDate, fromYmd } from '../dates/calendar-date';
import type { ActivityInput, CertificationInput, EvaluateInput } from '../compliance/evaluate-types';

/** A seeded generator, so synthetic people are the same on every run. */
export function seededRandom(seed: number): () => number {
  return mulberry32(seed);
}

interface Profile {
  programs: string[];
  types: string[];
}

// A mix like a multi-body installation: singles and duals, all three bodies.
const PROFILES: Profile[] = [
  { programs: ['namss/cpcs'], types: ['webinar', 'conference', 'virtual-course', 'online-course', 'podcast-quiz'] },
  { programs: ['namss/cpcs', 'namss/cpmsm'], types: ['webinar', 'conference', 'online-course', 'employer-program'] },
  {
    programs: ['techserve/cpsr-1'],
    types: ['webinar', 'chapter-event', 'training-program', 'archived-session', 'annual-conference', 'external'],
  },
  {
    programs: ['techserve/cpsr-1', 'techserve/cpsae-1'],
    types: ['webinar', 'training-program', 'annual-conference', 'external'],
  },
  { programs: ['ser/cerp'], types: ['course', 'conference', 'workshop', 'symposium', 'webinar'] },
];

const START = fromYmd(2012, 1, 1);

/** One deterministic synthetic certificant (number `n`) with `activityCount` activities, evaluated on `asOf`. */
export function syntheticCertificant(n: number, activityCount: number, asOf = '2025-06-30'): EvaluateInput {
  const random = seededRandom(n * 2654435761);
  const profile = PROFILES[n % PROFILES.length] as Profile;
  const awardedDay = START + Math.floor(random() * 365 * 12);
  const renewed = random() < 0.5 ? addYears(awardedDay, 3) - 1 : null;
  const certifications: CertificationInput[] = profile.programs.map((program, index) => ({
    program,
    awarded: formatDate(awardedDay + index * 200),
    renewedThrough: renewed === null ? null : formatDate(renewed + index * 200),
  }));
  const days: number[] = [];
  for (let i = 0; i < activityCount; i++) days.push(awardedDay + Math.floor(random() * 365 * 7));
  // In date order, as a transcript is read from the database.
  days.sort((a, b) => a - b);
  const activities: ActivityInput[] = [];
  for (let i = 0; i < activityCount; i++) {
    const day = days[i] as number;
    activities.push({
      id: `a${n}-${String(i).padStart(3, '0')}`,
      type: profile.types[Math.floor(random() * profile.types.length)] as string,
      date: formatDate(day),
      hours: Math.round(random() * 1600) / 100,
      categories: random() < 0.3 ? ['legal'] : [],
      approved: random() < 0.5,
    });
  }
  return { asOf, certifications, activities };
}
