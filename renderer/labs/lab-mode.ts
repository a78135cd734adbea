import { createContext } from 'react';

/**
 * How a lab is shown. A lab package's student mode turns `answerKeys` off, so
 * the labs hide their answer-key exports (renderer/packs).
 */
export const LabModeContext = createContext<{ readonly answerKeys: boolean }>({
  answerKeys: true,
});
