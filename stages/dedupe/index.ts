export { computeSignature } from './signature.js';
export { groupDuplicates } from './group.js';
export { groupDuplicatesInDuckDB, SIGNATURE_COLUMNS, type GroupOptions } from './global.js';
export { DEFAULT_DEDUPE_OPTIONS, type DedupeOptions } from './options.js';
export type { DedupeDoc, DedupeResult, DocSignature, DuplicatePair, GroupAssignment } from './types.js';
