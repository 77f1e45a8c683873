/* The self-assessment's attempts, as pure functions (no DOM): which questions each shows.
 *
 * The first attempt is the set the page shows without the script (data/assessment.yaml
 * `fixed`, also the printable version). "Start again" begins the next attempt, whose set is drawn
 * afresh from the whole pool (draw.js: `per_module` from every module, with the seed
 * draw.seed + attempt), questions shown in an earlier attempt only where a module has too few
 * others. The current attempt is saved under attemptKey(quiz) as
 *   {attempt, ids, seen, time}
 *   attempt  1, 2, ...
 *   ids      its questions, in the order shown
 *   seen     the questions shown in an earlier attempt (sorted), so it can say how many came up
 *            before, on any device and after a learning platform's resume (the progress code
 *            and scorm-encoding.js carry it)
 */

import { drawAttempt } from "./draw.js";
import { PREFIX } from "./storage.js";

export function attemptKey(quizId) { return PREFIX + "attempt:" + quizId; }

export function firstAttempt(ids) { return { attempt: 1, ids: ids.slice(), seen: [] }; }

// The saved attempt if every question it names is still in the pool, else the first attempt.
export function currentAttempt(saved, firstIds, poolIds) {
  const known = (ids) => Array.isArray(ids) && ids.every((id) => poolIds.indexOf(id) >= 0);
  if (saved && Number.isInteger(saved.attempt) && saved.attempt >= 1 && known(saved.ids) && saved.ids.length &&
      known(saved.seen)) {
    return saved;
  }
  return firstAttempt(firstIds);
}

// The attempt after `current`: every question it and the earlier ones showed counts as seen.
export function nextAttempt(current, pool, seed, perModule, time) {
  const seen = new Set(current.seen.concat(current.ids));
  const attempt = current.attempt + 1;
  const { ids } = drawAttempt(pool, seed, attempt, perModule, seen);
  return { attempt, ids, seen: [...seen].sort(), time };
}

// How many of an attempt's questions came up in an earlier attempt.
export function repeatsOf(record) {
  return record.ids.filter((id) => record.seen.indexOf(id) >= 0).length;
}
