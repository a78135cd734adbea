/**
 * The contract between LayerLab's processes (see README.md): the Host port,
 * the request schemas, the IPC channel names and HTTP API paths, the binary
 * wire framing and the command list. Pure TypeScript that imports nothing else
 * from core; renderer/ reads it through `@core`, electron/ as `core/contract/*`.
 */
export * from './host';
export * from './request-schemas';
export * from './channels';
export * from './binary-frame';
export * from './commands';
export * from './document-kind';
