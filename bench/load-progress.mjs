// Drives GET progress with autocannon; prints autocannon's result as JSON. Started by api.bench.ts.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const paths = JSON.parse(readFileSync(process.env.PATHS_FILE, 'utf8'));
let next = 0;
const result = await autocannon({
  url: process.env.TARGET,
  connections: Number(process.env.CONNECTIONS),
  duration: Number(process.env.DURATION),
  headers: { cookie: process.env.COOKIE },
  requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
});
process.stdout.write(JSON.stringify(result));
