// Public surface of core/io (re-exported by core/index.ts).
export {
  createProject,
  serializeProject,
  parseProject,
  CURRENT_SCHEMA_VERSION,
  maxProjectTextLength,
  projectFileExtension,
} from './project-file';
export type { ProjectDoc, ProjectLoadError } from './project-file';
export { migrationSteps, migrateProject } from './migrations';
export type { MigrationStep } from './migrations';
export { templateIds, templateInfo, isTemplateId, parseTemplate } from './templates';
export type { TemplateId } from './templates';
export * from './export/index';
export * from './import/index';
export * from './trained-model/index';
