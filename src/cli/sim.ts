/** `npm run --silent sim -- …`: the `sim` command's process wiring. The logic is in main.ts. */
import { readFileSync } from 'node:fs';
import { main } from './main';

// A closed pipe (`sim … | head`) is a normal way to stop reading, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

try {
  process.exitCode = main(process.argv.slice(2), {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readFile: (p) => readFileSync(p, 'utf8'),
  });
} catch (e) {
  // An internal error is a bug: say so in one line, without a stack trace (set SIM_DEBUG=1 to see it).
  process.stderr.write(`sim: internal error: ${(e as Error).message}\n`);
  if (process.env.SIM_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 3;
}
