export * from './spec';
export * from './catalog';
export { validateParam, validateParams } from './validate-param';
export * from './capabilities';
