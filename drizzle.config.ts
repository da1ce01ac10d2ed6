import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the schema (npm run db:generate). They are
// committed and applied by `recert migrate` and at start-up, on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './drizzle',
  strict: true,
});
