/**
 * Exports a health report as a flat list (CSV or TSV) that opens in Excel/WPS:
 * one row per class, skipped file, ignored entry, duplicate and issue.
 * Columns: section, class, path, reason, count, detail.
 */
import { csvCell, tsvCell } from '../io/escape/csv';
import type { HealthReport } from './health-report';

/** `csv` gets a UTF-8 BOM so Excel shows Chinese names correctly. */
export type DelimitedFormat = 'csv' | 'tsv';

/** Renders the report; rows are stable in order (classes, skipped, ignored, duplicates, text lengths and encodings, issues). */
export function reportToDelimited(report: HealthReport, format: DelimitedFormat): string {
  const rows: string[][] = [['section', 'class', 'path', 'reason', 'count', 'detail']];
  for (const c of report.classes)
    rows.push([
      'class',
      c.name,
      '',
      '',
      String(c.count),
      `train ${c.trainCount}, validation ${c.validationCount}`,
    ]);
  for (const name of report.emptyClasses) rows.push(['empty-class', name, '', 'empty', '0', '']);
  for (const s of report.skipped)
    rows.push(['skipped', classOf(s.path), s.path, s.reason, '', s.detail ?? '']);
  for (const p of report.rootFiles) rows.push(['root-file', '', p, 'not-in-class-folder', '', '']);
  for (const i of report.ignored) rows.push(['ignored', '', i.path, i.reason, '', '']);
  report.duplicates.forEach((group, g) => {
    for (const p of group)
      rows.push(['duplicate', classOf(p), p, `group ${g + 1}`, String(group.length), '']);
  });
  const text = report.text;
  if (text !== undefined) {
    rows.push([
      'text-lengths',
      '',
      '',
      `sequence length ${text.sequenceLength}, truncating ${text.truncating}`,
      String(text.truncatedCount),
      `${Math.round(text.truncatedShare * 100)}% cut; median ${text.median}, 90% within ${text.coverLength}, longest ${text.longest}`,
    ]);
    for (const e of text.encodings)
      rows.push(['encoding', '', '', e.encoding, String(e.files), `${e.guessed} guessed`]);
  }
  for (const i of report.issues)
    rows.push([
      'issue',
      i.subject ?? '',
      '',
      i.code,
      i.count === undefined ? '' : String(i.count),
      i.message,
    ]);
  const body = rows
    .map((r) =>
      r
        .map((cell) => (format === 'csv' ? csvCell(cell) : tsvCell(cell)))
        .join(format === 'csv' ? ',' : '\t'),
    )
    .join('\r\n');
  return (format === 'csv' ? '\ufeff' : '') + body + '\r\n';
}

function classOf(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
