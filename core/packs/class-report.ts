import type { Locale } from '../validate/diagnostic';
import { escapeHtml } from './markdown';
import { formatPackMessage } from './pack-messages';
import type { LabPack } from './read-pack';
import type { RecheckedSubmission } from './recheck';

/** A submission that could not be read, named in the report rather than dropped. */
export interface UnreadSubmission {
  readonly file: string;
  readonly reason: string;
}

const labels = {
  en: {
    student: 'Student',
    submitted: 'Submitted',
    passed: 'Steps passed',
    file: 'File',
    unread: 'Could not be read',
    pass: 'pass',
    fail: 'fail',
    pending: 'not done',
    edited: 'the file’s own results differ: edited?',
    title: 'Class report',
  },
  'zh-CN': {
    student: '学生',
    submitted: '提交时间',
    passed: '通过的步骤',
    file: '文件',
    unread: '无法读取',
    pass: '通过',
    fail: '未通过',
    pending: '未完成',
    edited: '文件中记录的结果与复查不同：可能被修改过？',
    title: '班级报告',
  },
} as const;

/**
 * One CSV cell: always quoted, quotes doubled, and a cell a spreadsheet would
 * run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is prefixed with `'`.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

function stepSummary(
  step: RecheckedSubmission['steps'][number],
  locale: Locale,
): { status: 'pass' | 'fail' | 'pending'; text: string } {
  const failing = step.results.find((r) => r.status === 'fail');
  const pending = step.results.find((r) => r.status === 'pending');
  const shown = failing ?? pending;
  const status = step.passed ? 'pass' : failing ? 'fail' : 'pending';
  const reasons = shown ? formatPackMessage(shown.code, shown.args, locale) : '';
  const edited = step.disagrees ? ` (${labels[locale].edited})` : '';
  return { status, text: `${labels[locale][status]}${reasons ? `: ${reasons}` : ''}${edited}` };
}

/** The class report as CSV (UTF-8 with a BOM, so spreadsheet apps read Chinese right). */
export function classReportCsv(
  pack: LabPack,
  rows: readonly RecheckedSubmission[],
  unread: readonly UnreadSubmission[],
  locale: Locale,
): string {
  const l = labels[locale];
  const header = [
    l.student,
    l.submitted,
    l.passed,
    ...pack.manifest.steps.map((s) => s.title[locale]),
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows)
    lines.push(
      [
        row.student,
        row.createdAt,
        `${row.passedSteps}/${row.steps.length}`,
        ...row.steps.map((s) => stepSummary(s, locale).text),
      ]
        .map(csvCell)
        .join(','),
    );
  for (const u of unread) lines.push([u.file, '', l.unread, u.reason].map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The class report as one self-contained HTML page (every student string escaped; no script). */
export function classReportHtml(
  pack: LabPack,
  rows: readonly RecheckedSubmission[],
  unread: readonly UnreadSubmission[],
  locale: Locale,
): string {
  const l = labels[locale];
  const e = escapeHtml;
  const title = `${l.title} — ${pack.manifest.title[locale]}`;
  const head = [
    l.student,
    l.submitted,
    l.passed,
    ...pack.manifest.steps.map((s) => s.title[locale]),
  ]
    .map((h) => `<th>${e(h)}</th>`)
    .join('');
  const body = rows
    .map((row) => {
      const cells = row.steps
        .map((s) => {
          const summary = stepSummary(s, locale);
          return `<td class="${summary.status}">${e(summary.text)}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${e(row.student)}</th><td>${e(row.createdAt)}</td><td>${row.passedSteps}/${row.steps.length}</td>${cells}</tr>`;
    })
    .join('\n');
  const unreadRows = unread.length
    ? `<h2>${e(l.unread)}</h2><ul>${unread.map((u) => `<li>${e(u.file)}: ${e(u.reason)}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(title)}</title>
<style>
body { font: 14px system-ui, "Noto Sans CJK SC", sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 4px 8px; text-align: left; vertical-align: top; }
td.pass { background: #e3f4e1; } td.fail { background: #fbe3e0; } td.pending { background: #f4f0dc; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${e(title)}</h1>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
${unreadRows}
</body>
</html>
`;
}
