import { createContext, useContext } from 'react';

/**
 * How a lab is shown. A lab package's student mode turns `answerKeys` off, so
 * the labs hide their answer-key exports, and names the lab-state fields the
 * teacher locked (`locks.labFields`), which the labs show read-only with 🔒
 * (renderer/packs).
 */
export const LabModeContext = createContext<{
  readonly answerKeys: boolean;
  readonly lockedFields: readonly string[];
}>({
  answerKeys: true,
  lockedFields: [],
});

/** True when the teacher's package locked any of these top-level lab-state fields. */
export function useFieldLocked(...fields: readonly string[]): boolean {
  const { lockedFields } = useContext(LabModeContext);
  return fields.some((field) => lockedFields.includes(field));
}
