import { z } from 'zod';

/** A password someone chooses (reset, registration): long enough to resist guessing. */
export const newPasswordSchema = z.string().min(10, 'must be at least 10 characters').max(1000);
