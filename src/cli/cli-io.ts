import { readFile } from 'node:fs/promises';
import { RecertError } from '../core/errors';

/** What a command may touch, so tests run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readText: (path: string) => Promise<string>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readText: async (path) => {
    try {
      return path === '-' ? await readStdin() : await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
      throw new RecertError('invalid-input', `cannot read ${path}`, [{ path: path === '-' ? 'stdin' : path, message: why }]);
    }
  },
};

/** A usage mistake on the command line (exit code 2). */
export function usageError(message: string): RecertError {
  return new RecertError('invalid-input', message);
}
