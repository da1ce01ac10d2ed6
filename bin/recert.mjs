#!/usr/bin/env node
// The `recert` command: runs the TypeScript sources through tsx's loader, so
// there is no build step between a change and the command a person runs.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
