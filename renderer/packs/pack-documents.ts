import { formatPackMessage, parseSubmission } from '@core';

import { currentLanguage } from '../i18n/i18n';
import type { DocumentRouter } from '../state/command-def';
import { showToast } from '../ui/toast-store';
import { readPackBytes } from './open-pack';
import { startPack } from './pack-actions';
import type { PackStore } from './pack-store';
import type { SubmissionViewStore } from './submission-view';

/**
 * File → Open's way into student mode: a lab package opens at its first step;
 * a submission is checked (strictly, as `check-pack` reads it) and
 * summarised. A refused file is named with its reason; nothing of it is kept.
 */
export function packDocumentRouter(
  packs: PackStore,
  submissions: SubmissionViewStore,
): DocumentRouter {
  const refuse = (text: string): void => {
    showToast({ tone: 'error', messageKey: '', text });
  };
  return {
    openPack(bytes, fileName) {
      const read = readPackBytes(bytes, currentLanguage());
      if (!read.ok) {
        refuse(read.message);
        return;
      }
      startPack(packs, read.pack, fileName);
    },
    openSubmission(bytes, fileName) {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        refuse(formatPackMessage('submission-not-json', {}, currentLanguage()));
        return;
      }
      const parsed = parseSubmission(text);
      if (!parsed.ok) {
        refuse(formatPackMessage(parsed.error.code, parsed.error.args, currentLanguage()));
        return;
      }
      submissions.setState({ viewed: { fileName, submission: parsed.value } });
    },
  };
}
