/**
 * `npm run check-pack -- <package> <submission…> [--out DIR] [--lang zh-CN|en]`:
 * re-runs a lab package's checks on students' submissions, headless, and writes
 * the class report as `class-report.csv` and `class-report.html` (in `--out`,
 * default the current folder). A submission that cannot be read is named in
 * the report with its reason; it does not stop the others. Exit code 0 when
 * every submission was read, 3 when some could not be, 1 when the package
 * could not be, 2 on bad usage.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import {
  classReportCsv,
  classReportHtml,
  formatPackMessage,
  packLimits,
  parseSubmission,
  readPack,
  recheckSubmission,
  type Locale,
  type RecheckedSubmission,
  type UnreadSubmission,
} from '../../core/index';
import { writeFileAtomically } from '../host/services/atomic-write';

export const checkPackUsage = `Usage: npm run check-pack -- <package.layerlab-pack> <submission…> [--out DIR] [--lang zh-CN|en]

  package        the lab package the students worked on
  submission     one or more .layerlab-submission files (a folder: every submission in it)
  --out DIR      where to write class-report.csv and class-report.html (default: .)
  --lang L       language of the report: zh-CN (default) or en`;

export interface CheckPackSummary {
  readonly rows: readonly RecheckedSubmission[];
  readonly unread: readonly UnreadSubmission[];
  readonly csvPath: string;
  readonly htmlPath: string;
}

/** Runs the check; resolves to what it wrote, or rejects with a user-facing message. */
export async function checkPack(argv: readonly string[]): Promise<CheckPackSummary> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { out: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length < 2) throw new UsageError(checkPackUsage);
  const locale: Locale = values.lang === 'en' ? 'en' : 'zh-CN';
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'zh-CN')
    throw new UsageError(`--lang must be zh-CN or en\n\n${checkPackUsage}`);
  const [packPath, ...submissionArgs] = positionals as [string, ...string[]];

  const packStat = await stat(packPath);
  if (packStat.size > packLimits.maxFileBytes)
    throw new Error(formatPackMessage('pack-too-large', { max: packLimits.maxFileBytes }, locale));
  const pack = readPack(new Uint8Array(await readFile(packPath)));
  if (!pack.ok)
    throw new Error(`${packPath}: ${formatPackMessage(pack.error.code, pack.error.args, locale)}`);

  const rows: RecheckedSubmission[] = [];
  const unread: UnreadSubmission[] = [];
  for (const file of await expandSubmissions(submissionArgs)) {
    const name = path.basename(file);
    try {
      const size = (await stat(file)).size;
      if (size > packLimits.maxSubmissionChars * 4) {
        unread.push({ file: name, reason: formatPackMessage('submission-too-large', {}, locale) });
        continue;
      }
      const parsed = parseSubmission(await readFile(file, 'utf8'), pack.value.manifest.packId);
      if (!parsed.ok) {
        unread.push({
          file: name,
          reason: formatPackMessage(parsed.error.code, parsed.error.args, locale),
        });
        continue;
      }
      rows.push(recheckSubmission(pack.value, parsed.value));
    } catch (error) {
      unread.push({ file: name, reason: (error as Error).message });
    }
  }
  rows.sort((a, b) => a.student.localeCompare(b.student, locale));
  const out = path.resolve(values.out ?? '.');
  await mkdir(out, { recursive: true });
  const csvPath = path.join(out, 'class-report.csv');
  const htmlPath = path.join(out, 'class-report.html');
  await writeFileAtomically(csvPath, classReportCsv(pack.value, rows, unread, locale), {
    keepBackup: false,
  });
  await writeFileAtomically(htmlPath, classReportHtml(pack.value, rows, unread, locale), {
    keepBackup: false,
  });
  return { rows, unread, csvPath, htmlPath };
}

export class UsageError extends Error {}

async function expandSubmissions(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      for (const entry of (await readdir(arg)).sort())
        if (entry.endsWith('.layerlab-submission') || entry.endsWith('.json'))
          files.push(path.join(arg, entry));
    } else files.push(arg);
  }
  return files;
}

/** The command line: prints one line per student and where the report went. */
export async function runCheckPackCli(argv: readonly string[]): Promise<void> {
  try {
    const summary = await checkPack(argv);
    for (const row of summary.rows)
      process.stdout.write(`${row.student}: ${row.passedSteps}/${row.steps.length}\n`);
    for (const u of summary.unread) process.stdout.write(`${u.file}: ${u.reason}\n`);
    process.stdout.write(`wrote ${summary.csvPath}\nwrote ${summary.htmlPath}\n`);
    process.exitCode = summary.unread.length > 0 ? 3 : 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
