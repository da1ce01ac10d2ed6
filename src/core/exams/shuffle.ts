import { mulberry32 } from '../random';
import type { ExamItem } from './exam-form';
import { optionIdsOf } from './exam-form';

/** The order one attempt shows: items, and each multiple-choice item's options, in their shuffled order. */
export type AttemptOrder = { itemId: string; options: string[] }[];

/** 32-bit FNV-1a of a text: turns the recorded seed into the generator's state. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The attempt's generator: mulberry32 over the seed's hash, the same sequence on every runtime. */
export function seededRandom(seed: string): () => number {
  return mulberry32(hash32(seed));
}

function shuffleInPlace<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/**
 * The item and option order of an attempt from its seed (Fisher-Yates). The
 * seed is recorded on the attempt, so the exact order a candidate saw can be
 * re-created for an appeal. True/false items keep True before False.
 */
export function shuffleForm(items: readonly ExamItem[], seed: string): AttemptOrder {
  const random = seededRandom(seed);
  return shuffleInPlace([...items], random).map((item) => ({
    itemId: item.id,
    options: item.type === 'true-false' ? optionIdsOf(item) : shuffleInPlace(optionIdsOf(item), random),
  }));
}
