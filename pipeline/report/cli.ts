import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readReportData } from './data.js';
import { renderReport } from './page.js';

/** `npm run report [-- --output DIR]`: writes DIR/report.html from the tables of a finished run. */
async function main(argv: string[]): Promise<number> {
  let output: string;
  try {
    const { values } = parseArgs({ args: argv, options: { output: { type: 'string', default: 'output' } }, strict: true });
    output = values.output!;
  } catch (error) {
    process.stderr.write(`usage error: ${(error as Error).message.split('\n')[0]} (usage: npm run report -- --output DIR)\n`);
    return 2;
  }
  if (!existsSync(path.join(output, 'manifest.json'))) {
    process.stderr.write(`error: ${output} holds no pipeline output (no manifest.json); run npm run pipeline -- --output ${output} first.\n`);
    return 1;
  }
  const file = path.join(output, 'report.html');
  writeFileSync(file, renderReport(await readReportData(output)));
  process.stdout.write(`wrote ${file}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
