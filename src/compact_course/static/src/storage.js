/* Saved progress in localStorage: versioned keys, one JSON record per key.
 *
 * Records this version does not recognise are left alone; records it recognises but cannot read
 * are set aside under SET_ASIDE + key (never dropped) with a notice. The backend is anything with
 * localStorage's methods (getItem, setItem, removeItem, key, length), or null when the browser
 * allows no storage, so the rules can be tested without a browser.
 *
 * Storage can refuse (SecurityError), be full (QuotaExceededError) or throw on read. Then the
 * store keeps this page's records in memory, so quizzes still work and the answers can be
 * downloaded, and tells the learner once (notices.unsaved()); it never removes or overwrites a
 * record it could not read, so nothing saved before is lost when storage works again.
 *
 * Every write re-reads the key and merges (mergeRecords): two tabs answering at once lose
 * nothing, the newer answer wins and the first attempt is the earlier one, as Python's
 * progress_record.newer_record does.
 */

import { fill, text } from "./text.js";

export const PREFIX = "compact-course:v1:";
export const SET_ASIDE = "compact-course:set-aside:";
export const PROGRESS_FORMAT = "compact-course-progress";
export const PROGRESS_VERSION = 2; // 2 added each record's first attempt and cleared answers
const READABLE_VERSIONS = [1, 2];

// localStorage if this page may read it, else null (private modes and blocked third-party
// storage throw). Full storage can still be read: canWrite() says whether it takes a write.
export function probeStorage(getStorage) {
  try {
    const s = getStorage();
    s.getItem(PREFIX + "probe");
    s.key(0);
    return s;
  } catch (err) {
    return null;
  }
}

export function canWrite(storage) {
  try {
    storage.setItem(PREFIX + "probe", "1");
    storage.removeItem(PREFIX + "probe");
    return true;
  } catch (err) {
    return false;
  }
}

// An answer counts only if something was chosen: null, "", [] and {} are cleared answers.
export function isAnswered(answer) {
  if (answer === null || answer === undefined || answer === "") { return false; }
  if (Array.isArray(answer)) { return answer.length > 0; }
  if (typeof answer === "object") { return Object.keys(answer).length > 0; }
  return true;
}

function validFirst(first) {
  return first === undefined || first === null ||
    (typeof first === "object" && typeof first.correct === "boolean" && "answer" in first);
}

function validAnswer(record) {
  return !!record && typeof record === "object" && typeof record.fingerprint === "string" &&
    typeof record.correct === "boolean" && "answer" in record && validFirst(record.first);
}

function validSubmission(record) {
  return !!record && typeof record === "object" && typeof record.fingerprints === "string" &&
    typeof record.time === "string";
}

const idList = (ids) => Array.isArray(ids) && ids.every((id) => typeof id === "string");

// The self-assessment's current attempt (attempt.js).
function validAttempt(record) {
  return !!record && typeof record === "object" && Number.isInteger(record.attempt) && record.attempt >= 1 &&
    idList(record.ids) && idList(record.seen) && typeof record.time === "string";
}

// Which validator applies to a key; null for keys this version does not know (left alone).
// "assessment-draw" answers come from the fresh-draw page of earlier books: kept readable.
export function validatorFor(key) {
  if (key.indexOf(PREFIX) !== 0) { return null; }
  const rest = key.slice(PREFIX.length);
  if (/^(lesson|assessment|assessment-draw):q-[a-z0-9-]+$/.test(rest)) { return validAnswer; }
  if (/^submitted:[a-z0-9-]+$/.test(rest)) { return validSubmission; }
  if (/^attempt:[a-z0-9-]+$/.test(rest)) { return validAttempt; }
  return null;
}

const timeKey = (record) => (record && typeof record.time === "string" ? record.time : "");

// A record saved without a first attempt (version 1): its answer is the earliest one known.
export function withFirst(record) {
  if (!record || record.first || !("answer" in record) || !isAnswered(record.answer)) { return record; }
  const first = { answer: record.answer, correct: record.correct };
  if (record.time) { first.time = record.time; }
  return { ...record, first };
}

// Two writers' records of one key: the newer by time wins (ours on a tie); for the same question
// version the first attempt is the earlier of the two.
export function mergeRecords(ours, theirs) {
  if (!theirs) { return ours; }
  if (!ours) { return theirs; }
  const winner = timeKey(theirs) > timeKey(ours) ? theirs : ours;
  if (!("fingerprint" in ours) || ours.fingerprint !== theirs.fingerprint) { return winner; }
  const firsts = [ours.first, theirs.first].filter((f) => f);
  if (!firsts.length) { return winner; }
  const first = firsts.reduce((a, b) => ((b.time || "") < (a.time || "") ? b : a));
  return { ...winner, first };
}

// notices: {add(text), show(), unsaved()}; see notices.js.
export function createStore(backend, notices) {
  const memory = new Map(); // records this page could not save: key -> record
  let saving = backend !== null;

  function failed() {
    if (saving) { saving = false; }
    notices.unsaved();
  }

  // Run a backend call; on any error fall back to memory and tell the learner.
  function attempt(action, fallback) {
    if (!backend) { return fallback; }
    try { return action(); } catch (err) { failed(); return fallback; }
  }

  function keys() {
    const out = attempt(() => {
      const found = [];
      for (let i = 0; i < backend.length; i++) { found.push(backend.key(i)); }
      return found;
    }, []);
    memory.forEach((record, key) => { if (out.indexOf(key) < 0) { out.push(key); } });
    return out;
  }

  function setAside(key, raw, why) {
    attempt(() => { backend.setItem(SET_ASIDE + key, raw); backend.removeItem(key); }, null);
    notices.add(fill(text().storage.set_aside, { key, why }));
  }

  // The saved record, or undefined if storage could not be read (not the same as none saved).
  function readSaved(key) {
    const valid = validatorFor(key);
    if (!valid) { return null; }
    const raw = attempt(() => backend.getItem(key), undefined);
    if (raw === undefined) { return undefined; }
    if (raw === null) { return null; }
    let record;
    try { record = JSON.parse(raw); } catch (err) { setAside(key, raw, text().storage.why_not_json); return null; }
    if (!valid(record)) { setAside(key, raw, text().storage.why_not_shape); return null; }
    return withFirst(record);
  }

  function read(key) {
    const saved = backend ? readSaved(key) : undefined;
    const kept = memory.get(key);
    if (kept) { return mergeRecords(kept, saved || null); }
    return saved || null;
  }

  // Read, merge, write; a record that cannot be written (or whose key cannot be read first) is
  // kept in memory, and the stored one is left as it was.
  function write(key, record) {
    const saved = backend ? readSaved(key) : undefined;
    const merged = mergeRecords(mergeRecords(record, memory.get(key) || null), saved || null);
    if (saved === undefined) { memory.set(key, merged); failed(); return merged; }
    try {
      backend.setItem(key, JSON.stringify(merged));
      memory.delete(key);
    } catch (err) {
      memory.set(key, merged);
      failed();
    }
    return merged;
  }

  // Change the saved record with change(current) -> record, or null to leave it alone.
  function update(key, change) {
    const next = change(read(key));
    return next ? write(key, next) : null;
  }

  function remove(key) {
    memory.delete(key);
    attempt(() => backend.removeItem(key), null);
  }

  // Keys under PREFIX that this version does not recognise (another version's data).
  function unknownKeys() {
    return keys().filter((key) => key && key.indexOf(PREFIX) === 0 && !validatorFor(key));
  }

  function exportProgress(now) {
    const records = {};
    keys().sort().forEach((key) => {
      if (validatorFor(key)) {
        const record = read(key);
        if (record) { records[key] = record; }
      }
    });
    return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exported: now, records };
  }

  // Merge an exported file: valid records are merged in (the newer wins); nothing is removed.
  function importProgress(data) {
    if (!data || data.format !== PROGRESS_FORMAT || READABLE_VERSIONS.indexOf(data.version) < 0 ||
        !data.records || typeof data.records !== "object") {
      throw new Error(text().storage.not_an_export);
    }
    let added = 0;
    let skipped = 0;
    Object.keys(data.records).forEach((key) => {
      const record = data.records[key];
      const valid = validatorFor(key);
      if (!valid || !valid(record)) { skipped += 1; return; }
      write(key, withFirst(record));
      added += 1;
    });
    return { added, skipped };
  }

  // Delete every record this version recognises; other versions' data is left alone.
  function clearProgress() {
    keys().forEach((key) => { if (validatorFor(key)) { remove(key); } });
  }

  return { get available() { return saving; }, unsaved: failed, keys, read, write, update, remove, unknownKeys, exportProgress,
    importProgress, clearProgress };
}
