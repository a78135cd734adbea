/**
 * The contract between LayerLab's processes: the Host port, the IPC channel
 * names and the binary wire framing. Pure TypeScript, imported by renderer/
 * (through `@core`), electron/ (as `core/contract`) and the tests.
 */
export * from './host';
export * from './channels';
export * from './binary-frame';
export * from './request-schemas';
export * from './commands';
