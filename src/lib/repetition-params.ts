// Params that name a repetition (seed, split, fold) rather than a setting: runs that differ
// only in them are the same experiment repeated, so the campaign summary pools them by
// default (groups by the other varying params) and n counts the repetitions.
//
// The rule, on the last key of a param path, case-insensitively: it is `seed`, `split` or
// `fold`, or ends in one of them after `_` or `-`. So `seed`, `Seed`, `random_seed`,
// `data.split`, `cv_fold`, `cv-fold` are repetitions; `split_ratio`, `seeds`, `folding` are not.
const REPETITION_KEY = /^(?:.*[_-])?(?:seed|split|fold)$/i;

export const isRepetitionParam = (path: readonly string[]) => path.length > 0 && REPETITION_KEY.test(path[path.length - 1]);
