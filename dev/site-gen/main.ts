/**
 * Entry point: node dist/dev/site-gen/main.js --issues N --out FILE [--seed S] [--truth FILE]
 * (see cli.ts).
 * @module
 */
import { run } from './cli.js';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`site-gen: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
