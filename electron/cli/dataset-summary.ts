import type { HealthReport } from '../../core/data/index';

/** The dataset health summary as plain lines: classes, counts, every skipped file with its reason, issues. */
export function formatHealthReport(report: HealthReport, title: string): string[] {
  const lines = [`${title}: ${report.usableCount} samples in ${report.classes.length} classes`];
  for (const c of report.classes)
    lines.push(
      `  class ${JSON.stringify(c.name)}: ${c.count} (train ${c.trainCount}, validation ${c.validationCount})`,
    );
  if (report.skipped.length > 0) {
    lines.push(`  skipped ${report.skipped.length} file(s):`);
    for (const s of report.skipped)
      lines.push(`    ${s.path}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}`);
  }
  for (const e of report.ignored) lines.push(`  ignored ${e.path}: ${e.reason}`);
  const text = report.text;
  if (text !== undefined) {
    const encodings = text.encodings
      .map((e) => `${e.encoding} ${e.files}${e.guessed > 0 ? ` (${e.guessed} guessed)` : ''}`)
      .join(', ');
    lines.push(
      `  text lengths (tokens): median ${text.median}, 90% within ${text.coverLength}, longest ${text.longest}`,
      `  sequence length ${text.sequenceLength}: ${Math.round(text.truncatedShare * 100)}% of the texts are cut (${text.truncating === 'pre' ? 'their start' : 'their end'})`,
      `  encodings: ${encodings}`,
    );
  }
  for (const issue of report.issues) lines.push(`  ${issue.severity}: ${issue.message}`);
  return lines;
}
