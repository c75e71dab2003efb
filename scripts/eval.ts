/**
 * `npm run eval -- <task> [args]`: runs one evaluation against the ground truth in ../shared/eval
 * and prints a markdown table. Each task is scripts/eval/<task>.ts exporting run(args).
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('./eval/', import.meta.url));
const tasks = readdirSync(folder).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const [task, ...args] = process.argv.slice(2);

if (!task || !tasks.includes(task)) {
  process.stderr.write(`usage: npm run eval -- <task> [args]; tasks: ${tasks.join(', ')}\n`);
  process.exit(2);
}
if (!existsSync(fileURLToPath(new URL('../../shared/eval', import.meta.url)))) {
  process.stderr.write('error: ../shared/eval not found; the evaluations read the ground truth from the shared folder next to the project.\n');
  process.exit(1);
}
const module = (await import(`./eval/${task}.ts`)) as { run(args: string[]): Promise<void> };
await module.run(args);
