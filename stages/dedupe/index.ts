export { computeSignature } from './signature.js';
export { groupDuplicates, type GroupOptions } from './group.js';
export { DEFAULT_DEDUPE_OPTIONS, type DedupeOptions } from './options.js';
export type { DedupeDoc, DedupeResult, DocSignature, DuplicatePair, GroupAssignment } from './types.js';
