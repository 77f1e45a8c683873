/* Saved progress in localStorage: versioned keys, one JSON record per key.
 *
 * Records this version does not recognise are left alone; records it recognises but cannot read
 * are set aside under SET_ASIDE + key (never dropped) with a notice. The backend is anything with
 * localStorage's methods (getItem, setItem, removeItem, key, length), or null when the browser
 * allows no storage, so the rules can be tested without a browser.
 */

export const PREFIX = "compact-course:v1:";
export const SET_ASIDE = "compact-course:set-aside:";
export const PROGRESS_FORMAT = "compact-course-progress";

// localStorage if this page may write to it, else null (private modes and blocked cookies throw).
export function probeStorage(getStorage) {
  try {
    const s = getStorage();
    s.setItem(PREFIX + "probe", "1");
    s.removeItem(PREFIX + "probe");
    return s;
  } catch (err) {
    return null;
  }
}

function validAnswer(record) {
  return !!record && typeof record === "object" && typeof record.fingerprint === "string" &&
    typeof record.correct === "boolean" && "answer" in record;
}

function validSubmission(record) {
  return !!record && typeof record === "object" && typeof record.fingerprints === "string" &&
    typeof record.time === "string";
}

// Which validator applies to a key; null for keys this version does not know (left alone).
export function validatorFor(key) {
  if (key.indexOf(PREFIX) !== 0) { return null; }
  const rest = key.slice(PREFIX.length);
  if (/^(lesson|assessment|assessment-draw):q-[a-z0-9-]+$/.test(rest)) { return validAnswer; }
  if (/^submitted:[a-z0-9-]+$/.test(rest)) { return validSubmission; }
  return null;
}

// notices: {add(text), show()}; see notices.js.
export function createStore(backend, notices) {
  function keys() {
    const out = [];
    if (!backend) { return out; }
    for (let i = 0; i < backend.length; i++) { out.push(backend.key(i)); }
    return out;
  }

  function setAside(key, raw, why) {
    try {
      backend.setItem(SET_ASIDE + key, raw);
      backend.removeItem(key);
    } catch (err) { /* storage full: keep the original where it is */ }
    notices.add("Saved data under \u201c" + key + "\u201d could not be read (" + why +
      ") and was set aside; your other progress is unaffected.");
  }

  function read(key) {
    if (!backend) { return null; }
    const raw = backend.getItem(key);
    if (raw === null) { return null; }
    const valid = validatorFor(key);
    if (!valid) { return null; }
    let record;
    try { record = JSON.parse(raw); } catch (err) { setAside(key, raw, "not valid JSON"); return null; }
    if (!valid(record)) { setAside(key, raw, "not in the expected shape"); return null; }
    return record;
  }

  function write(key, record) {
    if (!backend) { return; }
    try { backend.setItem(key, JSON.stringify(record)); } catch (err) {
      notices.add("Your answers could not be saved in this browser (storage is full or blocked).");
      notices.show();
    }
  }

  function remove(key) {
    if (backend) { backend.removeItem(key); }
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
    return { format: PROGRESS_FORMAT, version: 1, exported: now, records };
  }

  // Merge an exported file: valid records are added (the newer wins); nothing valid is removed.
  function importProgress(data) {
    if (!data || data.format !== PROGRESS_FORMAT || data.version !== 1 || typeof data.records !== "object") {
      throw new Error("This file is not a progress export from this course.");
    }
    let added = 0;
    let skipped = 0;
    Object.keys(data.records).forEach((key) => {
      const record = data.records[key];
      const valid = validatorFor(key);
      if (!valid || !valid(record)) { skipped += 1; return; }
      const current = read(key);
      if (current && current.time && record.time && current.time > record.time) { return; }
      write(key, record);
      added += 1;
    });
    return { added, skipped };
  }

  // Delete every record this version recognises; other versions' data is left alone.
  function clearProgress() {
    keys().forEach((key) => { if (validatorFor(key)) { backend.removeItem(key); } });
  }

  return { available: backend !== null, read, write, remove, unknownKeys, exportProgress, importProgress,
    clearProgress };
}
