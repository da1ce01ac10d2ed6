export interface ItemStatistic {
  itemId: string;
  section: string;
  attempts: number;
  /** Share of attempts that answered it correctly (0..1); null before any attempt. */
  difficulty: number | null;
  /** Point-biserial correlation of the item with the total score; null when it cannot be computed. */
  discrimination: number | null;
  flags: ('everyone-missed' | 'negative-discrimination')[];
}

export interface SectionStatistic {
  section: string;
  /** Mean share correct of the section's items per attempt (0..1). */
  mean: number | null;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Classical item statistics over graded attempts: difficulty is the share
 * correct; discrimination the point-biserial correlation of being right on the
 * item with the attempt's total, r = (M1 − M0) / s · √(p·q), with s the
 * population standard deviation of totals. Flags items that everyone missed
 * or that the stronger candidates miss more often (negative discrimination).
 */
export function itemStatistics(
  items: readonly { id: string; section: string }[],
  attempts: readonly { correctItems: ReadonlySet<string> }[],
): { items: ItemStatistic[]; sections: SectionStatistic[] } {
  const n = attempts.length;
  const totals = attempts.map((attempt) => items.reduce((sum, item) => sum + (attempt.correctItems.has(item.id) ? 1 : 0), 0));
  const mean = n ? totals.reduce((a, b) => a + b, 0) / n : 0;
  const sd = n ? Math.sqrt(totals.reduce((sum, total) => sum + (total - mean) ** 2, 0) / n) : 0;
  const stats = items.map((item): ItemStatistic => {
    let right = 0;
    let sumRight = 0;
    attempts.forEach((attempt, index) => {
      if (attempt.correctItems.has(item.id)) {
        right++;
        sumRight += totals[index]!;
      }
    });
    const p = n ? right / n : null;
    let r: number | null = null;
    if (p !== null && p > 0 && p < 1 && sd > 0) {
      const m1 = sumRight / right;
      const m0 = (mean * n - sumRight) / (n - right);
      r = ((m1 - m0) / sd) * Math.sqrt(p * (1 - p));
    }
    const flags: ItemStatistic['flags'] = [];
    if (n > 0 && right === 0) flags.push('everyone-missed');
    if (r !== null && r < 0) flags.push('negative-discrimination');
    return {
      itemId: item.id,
      section: item.section,
      attempts: n,
      difficulty: p === null ? null : round(p),
      discrimination: r === null ? null : round(r),
      flags,
    };
  });
  const sectionKeys = [...new Set(items.map((item) => item.section))];
  const sections = sectionKeys.map((section) => {
    const inSection = stats.filter((stat) => stat.section === section && stat.difficulty !== null);
    return {
      section,
      mean: inSection.length ? round(inSection.reduce((sum, stat) => sum + stat.difficulty!, 0) / inSection.length) : null,
    };
  });
  return { items: stats, sections };
}
