import { parseArgs } from 'node:util';
import { usageError, type CliIo } from '../cli-io';
import { loadRegistry } from './load-registry';

export async function policiesCommand(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { format: { type: 'string', default: 'text' } },
    allowPositionals: true,
    strict: true,
  });
  if (action === 'list') {
    const registry = await loadRegistry(undefined, io);
    if (values.format === 'json') {
      io.stdout(
        `${JSON.stringify(
          registry.list().map(({ id, version, body, name, designation }) => ({ id, version, body, name, designation })),
          null,
          2,
        )}\n`,
      );
    } else {
      const width = Math.max(...registry.list().map((policy) => policy.id.length));
      for (const policy of registry.list())
        io.stdout(`${policy.id.padEnd(width)}  v${policy.version}  ${policy.designation}: ${policy.name}\n`);
    }
    return 0;
  }
  if (action === 'show') {
    const id = positionals[0];
    if (!id) throw usageError('policies show needs a program id, e.g. namss/cpcs');
    const registry = await loadRegistry(undefined, io);
    io.stdout(`${JSON.stringify(registry.require(id), null, 2)}\n`);
    return 0;
  }
  if (action === 'check') {
    const file = positionals[0];
    if (!file) throw usageError('policies check needs a FILE');
    const registry = await loadRegistry(file, io);
    io.stdout(`ok: ${registry.list().length} programs valid\n`);
    return 0;
  }
  throw usageError('policies needs list, show PROGRAM or check FILE');
}
