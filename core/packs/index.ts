// Public surface of core/packs (re-exported by core/index.ts): lab packages, submissions, checks.
export * from './pack-limits';
export * from './pack-errors';
export * from './pack-manifest';
export * from './pack-messages';
export * from './zip-read';
export * from './read-pack';
export * from './write-pack';
export * from './markdown';
export * from './pack-images';
export * from './lab-quantities';
export * from './checks';
export * from './submission';
export * from './recheck';
export * from './class-report';
export * from './sample-pack';
export * from './editor-locks';
export * from './author';
