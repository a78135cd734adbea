// Teacher mode's pure part: a package draft and how it becomes a `.layerlab-pack`.
export * from './pack-draft';
export * from './build-pack';
export * from './author-messages';
