import { useTranslation } from 'react-i18next';

import { hasBlockingIssue } from '@core';
import type { DatasetIssue, HealthReport, TextLengthReport } from '@core';

import { formatNameList } from '../../i18n/list-format';
import { BarList } from './BarList';

interface HealthReportViewProps {
  readonly report: HealthReport;
  readonly thumbnails: Readonly<Record<string, readonly string[]>>;
  readonly onExport: () => void;
}

/** Rows shown before "show all" (a folder can have thousands of skipped files). */
const listLimit = 50;

/**
 * The health report, before any training: samples per class, the size or
 * length distribution, thumbnails, findings, skipped and ignored files with
 * reasons, duplicates. Every count carries a data attribute for e2e tests.
 */
export function HealthReportView({ report, thumbnails, onExport }: HealthReportViewProps) {
  const { t } = useTranslation('dataset');
  const small = new Set(
    report.issues.filter((i) => i.code === 'dataset-class-too-small').map((i) => i.subject),
  );
  const validation = report.classes.reduce((n, c) => n + c.validationCount, 0);
  const blocking = hasBlockingIssue(report);
  return (
    <div
      className="dataset-report"
      data-testid="dataset-report"
      data-usable={report.usableCount}
      data-classes={report.classes.length}
      data-skipped={report.skipped.length}
      data-ignored={report.ignored.length}
      data-blocking={blocking}
    >
      <p className="dataset-summary" data-testid="dataset-summary">
        {t('report.summary', {
          classes: report.classes.length,
          samples: report.usableCount,
          train: report.usableCount - validation,
          validation,
        })}
      </p>
      {report.issues.length > 0 && (
        <ul className="dataset-issues" data-testid="dataset-issues">
          {report.issues.map((issue, i) => (
            <li
              key={`${issue.code}-${i}`}
              className={`dataset-issue ${issue.severity}`}
              data-code={issue.code}
            >
              {issueText(t, issue)}
            </li>
          ))}
        </ul>
      )}
      {report.classes.length > 0 && (
        <section>
          <h3>{t('report.classes')}</h3>
          <BarList
            testId="dataset-class-bars"
            bars={report.classes.map((c) => ({
              label: c.name,
              value: c.count,
              flagged: small.has(c.name),
            }))}
            labelOf={(bar) =>
              t('report.classCount', {
                count: bar.value,
                validation: report.classes.find((c) => c.name === bar.label)?.validationCount ?? 0,
              })
            }
          />
        </section>
      )}
      {report.distribution.length > 0 && (
        <section>
          <h3>{t(report.kind === 'image' ? 'report.sizes' : 'report.lengths')}</h3>
          <BarList
            testId="dataset-distribution"
            bars={report.distribution.map((b) => ({
              label: b.label === 'other' ? t('report.otherSizes') : b.label,
              value: b.count,
              // Lengths beyond the sequence length: these texts are cut.
              flagged:
                report.text !== undefined &&
                b.from !== undefined &&
                b.from > report.text.sequenceLength,
            }))}
          />
          {report.text !== undefined && <TextFit text={report.text} />}
        </section>
      )}
      {Object.keys(thumbnails).length > 0 && (
        <section>
          <h3>{t('report.thumbnails')}</h3>
          <div className="dataset-thumbs" data-testid="dataset-thumbnails">
            {Object.entries(thumbnails).map(([name, urls]) => (
              <div key={name} className="dataset-thumb-row">
                <span className="dataset-thumb-class">{name}</span>
                {urls.map((url, i) => (
                  <img
                    key={i}
                    src={url}
                    alt={t('report.thumbnailAlt', { name, index: i + 1 })}
                    className="dataset-thumb"
                  />
                ))}
              </div>
            ))}
          </div>
        </section>
      )}
      <FileList
        title={t('report.skipped', { count: report.skipped.length })}
        testId="dataset-skipped"
        rows={report.skipped.map((s) => ({
          path: s.path,
          reason: t(`reasons.${s.reason}`),
          code: s.reason,
          detail: s.detail ?? '',
        }))}
      />
      <FileList
        title={t('report.notInClass', {
          count: report.rootFiles.length + report.emptyClasses.length,
        })}
        testId="dataset-unused"
        rows={[
          ...report.emptyClasses.map((c) => ({
            path: `${c}/`,
            reason: t('reasons.empty-class'),
            code: 'empty-class',
            detail: '',
          })),
          ...report.rootFiles.map((p) => ({
            path: p,
            reason: t('reasons.root-file'),
            code: 'root-file',
            detail: '',
          })),
        ]}
      />
      <FileList
        title={t('report.ignored', { count: report.ignored.length })}
        testId="dataset-ignored"
        rows={report.ignored.map((s) => ({
          path: s.path,
          reason: t(`reasons.${s.reason}`, { defaultValue: s.reason }),
          code: s.reason,
          detail: '',
        }))}
      />
      {report.duplicates.length > 0 && (
        <details className="dataset-files" data-testid="dataset-duplicates">
          <summary>{t('report.duplicates', { count: report.duplicates.length })}</summary>
          <ul>
            {report.duplicates.slice(0, listLimit).map((group) => (
              <li key={group.join('|')}>{group.join('  =  ')}</li>
            ))}
          </ul>
        </details>
      )}
      <button type="button" data-testid="dataset-export-report" onClick={onExport}>
        {t('report.export')}
      </button>
    </div>
  );
}

export function FileList({
  title,
  testId,
  rows,
}: {
  readonly title: string;
  readonly testId: string;
  readonly rows: readonly { path: string; reason: string; code: string; detail: string }[];
}) {
  const { t } = useTranslation('dataset');
  if (rows.length === 0) return null;
  return (
    <details className="dataset-files" data-testid={testId} data-count={rows.length}>
      <summary>{title}</summary>
      <table>
        <thead>
          <tr>
            <th>{t('report.file')}</th>
            <th>{t('report.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, listLimit).map((r) => (
            <tr key={r.path} data-path={r.path} data-reason={r.code}>
              <td className="dataset-path">{r.path}</td>
              <td title={r.detail}>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > listLimit && (
        <p className="panel-hint">{t('report.more', { count: rows.length - listLimit })}</p>
      )}
    </details>
  );
}

/** How the sequence length fits the texts, and the encodings the files were read in. */
function TextFit({ text }: { readonly text: TextLengthReport }) {
  const { t, i18n } = useTranslation('dataset');
  const cut = Math.round(text.truncatedShare * 100);
  return (
    <>
      <p
        className="panel-hint"
        data-testid="dataset-text-fit"
        data-sequence-length={text.sequenceLength}
        data-truncated-share={text.truncatedShare}
      >
        {t('report.textFit', {
          length: text.sequenceLength,
          whole: 100 - cut,
          cut,
          kept: t(text.truncating === 'pre' ? 'report.keptEnd' : 'report.keptStart'),
          median: text.median,
          cover: text.coverLength,
          longest: text.longest,
        })}
        {cut > 0 && ` ${t('report.cutBins')}`}
      </p>
      <p className="panel-hint" data-testid="dataset-encodings">
        {t('report.encodingsLine', {
          list: formatNameList(
            text.encodings.map((e) =>
              t(e.guessed > 0 ? 'report.encodingGuessed' : 'report.encodingCount', {
                encoding: t(`encodings.${e.encoding}`),
                count: e.files,
              }),
            ),
            i18n.language,
          ),
        })}
      </p>
    </>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function issueText(t: Translate, issue: DatasetIssue): string {
  const values = issue.values ?? {};
  return t(`issues.${issue.code}`, {
    ...values,
    name: issue.subject ?? '',
    count: issue.count ?? 0,
    // Truncation is worded by the end that is kept (`…_end` / `…_start`).
    ...(typeof values['kept'] === 'string' ? { context: values['kept'] } : {}),
    ...(issue.code === 'dataset-encoding-guessed'
      ? { encoding: t(`encodings.${issue.subject ?? ''}`) }
      : {}),
    defaultValue: issue.message,
  });
}
