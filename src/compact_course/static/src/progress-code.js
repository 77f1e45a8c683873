/* A progress code (issue 28): the learner's progress as one line of text to email to themselves
 * and paste on another device, instead of a file.
 *
 *   CC1.<body>.<check>
 *
 * CC1 is the code's version. <body> is the progress export (storage.js exportProgress), made
 * smaller before compressing (the common key prefix dropped, common fields named by one letter;
 * every other field under its own name, so `revealed: true` on an answer shown in practice and the
 * self-assessment's current attempt (attempt.js) arrive whole, and a code from a book that did
 * not name them reads as before), then
 * compressed with deflate and written in URL-safe base64 (letters, digits, - and _). <check> is
 * eight hex digits of FNV-1a over <body>, so a code cut short or changed in an email is refused
 * before anything is read. Spaces and line breaks an email program adds are ignored.
 * decodeProgress gives back the export, which the page imports like a file (merged: the newer
 * record wins, nothing is removed). Errors carry a `code` ("empty", "damaged", "version",
 * "unsupported"), which the page turns into the interface's words.
 */

import { fnv1a32 } from "./draw.js";
import { PREFIX, PROGRESS_FORMAT, PROGRESS_VERSION } from "./storage.js";

export const CODE_VERSION = "CC1";
const SHORT = { answer: "a", correct: "c", fingerprint: "f", time: "t", first: "1" };
const LONG = Object.fromEntries(Object.entries(SHORT).map(([long, short]) => [short, long]));

export class CodeError extends Error {
  constructor(code) { super("progress code: " + code); this.code = code; }
}

// A record's own field names shortened or restored, and those of its first attempt; answers and
// everything else are kept as they are (a matching answer's keys are the question's own).
function rename(record, names) {
  if (!record || typeof record !== "object" || Array.isArray(record)) { return record; }
  const out = {};
  Object.keys(record).forEach((key) => {
    const name = names[key] || key;
    out[name] = name === "first" || name === SHORT.first ? rename(record[key], names) : record[key];
  });
  return out;
}

// The export in fewer characters, and back.
export function shrink(exported) {
  const records = {};
  Object.keys(exported.records).forEach((key) => {
    records[key.indexOf(PREFIX) === 0 ? key.slice(PREFIX.length) : "!" + key] = rename(exported.records[key], SHORT);
  });
  return { v: exported.version, e: exported.exported, r: records };
}

export function grow(small) {
  if (!small || typeof small !== "object" || !small.r || typeof small.r !== "object") { throw new CodeError("damaged"); }
  const records = {};
  Object.keys(small.r).forEach((key) => {
    records[key.charAt(0) === "!" ? key.slice(1) : PREFIX + key] = rename(small.r[key], LONG);
  });
  return { format: PROGRESS_FORMAT, version: small.v, exported: small.e, records };
}

function checksum(body) { return fnv1a32(body).toString(16).padStart(8, "0"); }

function supported() { return typeof CompressionStream === "function" && typeof DecompressionStream === "function"; }

async function through(bytes, stream) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = "";
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

// The export (storage.js exportProgress) as a progress code.
export async function encodeProgress(exported) {
  if (!supported()) { throw new CodeError("unsupported"); }
  const json = new TextEncoder().encode(JSON.stringify(shrink(exported)));
  const body = toBase64Url(await through(json, new CompressionStream("deflate-raw")));
  return CODE_VERSION + "." + body + "." + checksum(body);
}

// A pasted code back to an export; throws CodeError if it is empty, damaged or of another version.
export async function decodeProgress(pasted) {
  const code = String(pasted || "").replace(/\s+/g, "");
  if (!code) { throw new CodeError("empty"); }
  const parts = code.split(".");
  if (parts[0] !== CODE_VERSION) {
    throw new CodeError(/^CC\d+$/.test(parts[0]) && parts.length === 3 ? "version" : "damaged");
  }
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(parts[1]) || checksum(parts[1]) !== parts[2].toLowerCase()) {
    throw new CodeError("damaged");
  }
  if (!supported()) { throw new CodeError("unsupported"); }
  let small;
  try {
    const json = await through(fromBase64Url(parts[1]), new DecompressionStream("deflate-raw"));
    small = JSON.parse(new TextDecoder().decode(json));
  } catch (err) {
    throw new CodeError("damaged");
  }
  const exported = grow(small);
  if (exported.version > PROGRESS_VERSION) { throw new CodeError("version"); }
  return exported;
}
