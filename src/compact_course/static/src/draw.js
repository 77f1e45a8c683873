/* The seeded draw of the self-assessment's questions, the one implementation (no other language
 * mirrors it): every exam attempt after the first draws its set here (exam.js).
 *
 * A question's place is fmix32(fnv1a32("<seed>:<question-id>")) over the UTF-8 bytes, smaller
 * first, ties broken by id; questions seen in an earlier attempt go after every unseen one; each
 * module gives its first perModule, modules in course order. Attempt n draws with the seed
 * draw.seed + n (data/assessment.yaml), so the same seed, attempt and history always give the
 * same set. Seeds are whole numbers of any size: they are kept as BigInt (a Number loses digits
 * above 2^53 and would hash other text).
 */

export function fnv1a32(text) {
  const bytes = new TextEncoder().encode(text);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) { h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0; }
  return h >>> 0;
}

export function fmix32(h) {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

const WHOLE_NUMBER = /^[0-9]+$/;

// A seed written as text (the page's data-draw-seed), as a BigInt; null unless it is a whole number of 0 or more.
export function parseSeed(text) {
  const trimmed = String(text).trim();
  return WHOLE_NUMBER.test(trimmed) ? BigInt(trimmed) : null;
}

// The seed's decimal digits exactly as Python's str(int) writes them ("007" and 7n give "7").
export function seedText(seed) {
  if (typeof seed === "bigint") { return seed.toString(); }
  if (typeof seed === "number") { return BigInt(seed).toString(); }
  const parsed = parseSeed(seed);
  if (parsed === null) { throw new RangeError("the seed must be a whole number of 0 or more"); }
  return parsed.toString();
}

export function drawKey(seed, id) { return fmix32(fnv1a32(seedText(seed) + ":" + id)); }

const NONE_SEEN = new Set();

// pool: [{id, module: {id, number}}]; seen: a Set of ids shown in an earlier attempt (drawn only
// when a module has too few others). Returns the drawn ids, modules in course order.
export function drawIds(pool, seed, perModule, seen = NONE_SEEN) {
  const text = seedText(seed);
  const modules = {};
  const order = [];
  pool.forEach((q) => {
    if (!modules[q.module.id]) { modules[q.module.id] = []; order.push(q.module); }
    modules[q.module.id].push(q);
  });
  order.sort((a, b) => a.number - b.number);
  const out = [];
  order.forEach((module) => {
    modules[module.id].map((q) => ({ id: q.id, seen: seen.has(q.id) ? 1 : 0, key: drawKey(text, q.id) }))
      .sort((a, b) => (a.seen - b.seen) || (a.key - b.key) || (a.id < b.id ? -1 : (a.id > b.id ? 1 : 0)))
      .slice(0, perModule).forEach((q) => { out.push(q.id); });
  });
  return out;
}

// The seed of attempt `attempt` (a whole number, 2 or more: the first attempt is the fixed set).
export function attemptSeed(seed, attempt) {
  if (!Number.isInteger(attempt) || attempt < 1) { throw new RangeError("an attempt is a whole number of 1 or more"); }
  return BigInt(seedText(seed)) + BigInt(attempt);
}

// Attempt `attempt`'s set: {ids, repeats} (how many of them came up in an earlier attempt).
export function drawAttempt(pool, seed, attempt, perModule, seen = NONE_SEEN) {
  const ids = drawIds(pool, attemptSeed(seed, attempt), perModule, seen);
  return { ids, repeats: ids.filter((id) => seen.has(id)).length };
}
