import { queryOptions } from '@tanstack/react-query';
import type { Standing } from '../../server/credentials/good-standing';
import { api, path } from './client';

/** The public good-standing lookup: no sign-in. */

export type { Standing };
export type StandingPerson = Standing['people'][number];
export type StandingCertification = StandingPerson['certifications'][number];

/** People of the body by exact certificate number or by name, with each certification's standing today. */
export const goodStandingQuery = (bodyId: string, q: string) =>
  queryOptions({
    queryKey: ['good-standing', bodyId, q],
    queryFn: () => api<Standing>('GET', `${path`/api/v1/bodies/${bodyId}/good-standing`}?${new URLSearchParams({ q })}`),
    // Looked up from live data: a minute old is recent enough, and it spares the rate limit.
    staleTime: 60_000,
    retry: false,
  });
