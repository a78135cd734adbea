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
  for (const issue of report.issues) lines.push(`  ${issue.severity}: ${issue.message}`);
  return lines;
}
