/* A session plan laid out in the page, with no Python: the same rules as `compact-course plan`
 * (compact_course/facilitator/layout.py and lesson_time.py), mirrored here. The shared table
 * tests/fixtures/plan_cases.json holds both to the same slots: tests/test_plan_parity.py for
 * Python, tests/js/plan-layout.test.mjs for this module.
 *
 * lessons: [{id, minutes, polls: [question ids, discussion starters first]}] in course order.
 * settings: {start, minutes (or null), days, dayMinutes, breakEvery, breakMinutes, welcome,
 * close, lunch, participants, welcomePerParticipant, changeover, polls, pollMinutes}.
 * Returns {days: [{number, slots: [{kind, start, minutes, lesson, polled}]}]} or
 * {error: "lesson-too-long" | "too-many-days" | "too-many-minutes" | "past-midnight" | "no-lessons",
 *  lesson, needed, days} saying what does not fit.
 */

export const MINUTES_PER_DAY = 24 * 60;

export function welcomeMinutes(settings) {
  if (!settings.welcome) { return 0; }
  return settings.welcome + Math.ceil(settings.participants * settings.welcomePerParticipant - 1e-9);
}

function polled(lesson, settings) { return settings.polls > 0 ? lesson.polls.slice(0, settings.polls) : []; }

export function lessonMinutes(lesson, settings) { return lesson.minutes + polled(lesson, settings).length * settings.pollMinutes; }

function lessonsWithBreaks(lessons, settings) {
  const items = [];
  let sinceBreak = 0;
  lessons.forEach((lesson, index) => {
    const minutes = lessonMinutes(lesson, settings);
    items.push({ kind: "lesson", minutes, lesson });
    sinceBreak += minutes;
    if (index === lessons.length - 1) { return; }
    if (settings.breakEvery && sinceBreak >= settings.breakEvery) {
      items.push({ kind: "break", minutes: settings.breakMinutes });
      sinceBreak = 0;
    } else if (settings.changeover) {
      items.push({ kind: "changeover", minutes: settings.changeover });
    }
  });
  return items;
}

function lunchAtMidday(items, settings) {
  const starts = [];
  let now = 0;
  items.forEach((item) => { starts.push(now); now += item.minutes; });
  const middle = now / 2;
  const breaks = items.map((item, i) => (item.kind === "break" ? i : -1)).filter((i) => i >= 0);
  if (!breaks.length) { return items; }
  const chosen = breaks.reduce((best, i) => (Math.abs(starts[i] - middle) < Math.abs(starts[best] - middle) ? i : best), breaks[0]);
  const out = items.slice();
  out[chosen] = { kind: "lunch", minutes: settings.lunch };
  return out;
}

export function layoutDay(lessons, settings, number) {
  let items = [];
  if (settings.welcome) { items.push({ kind: "welcome", minutes: number === 1 ? welcomeMinutes(settings) : settings.welcome }); }
  items = items.concat(lessonsWithBreaks(lessons, settings));
  if (settings.close) { items.push({ kind: "close", minutes: settings.close }); }
  if (settings.lunch) { items = lunchAtMidday(items, settings); }
  let now = settings.start;
  const slots = items.map((item) => {
    const slot = { kind: item.kind, start: now, minutes: item.minutes, lesson: item.lesson ? item.lesson.id : null,
      polled: item.lesson ? polled(item.lesson, settings) : [] };
    now += item.minutes;
    return slot;
  });
  return { number, slots };
}

function dayLength(day) { return day.slots.length ? day.slots[day.slots.length - 1].start + day.slots[day.slots.length - 1].minutes - day.slots[0].start : 0; }

function fits(lessons, settings, number) { return dayLength(layoutDay(lessons, settings, number)) <= settings.dayMinutes; }

export function layoutPlan(lessons, settings) {
  if (!lessons.length) { return { error: "no-lessons" }; }
  const byDay = [[]];
  for (const lesson of lessons) {
    if (!fits(byDay[byDay.length - 1].concat([lesson]), settings, byDay.length)) {
      if (byDay[byDay.length - 1].length) { byDay.push([]); }
      if (!fits([lesson], settings, byDay.length)) { return { error: "lesson-too-long", lesson: lesson.id }; }
    }
    byDay[byDay.length - 1].push(lesson);
  }
  const days = byDay.map((chosen, i) => layoutDay(chosen, settings, i + 1));
  const needed = days.reduce((sum, day) => sum + dayLength(day), 0);
  if (days.length > settings.days) { return { error: "too-many-days", needed, days: days.length }; }
  if (settings.minutes !== null && settings.minutes !== undefined && needed > settings.minutes) {
    return { error: "too-many-minutes", needed, days: days.length };
  }
  if (days.some((day) => day.slots[0].start + dayLength(day) > MINUTES_PER_DAY)) { return { error: "past-midnight", needed, days: days.length }; }
  return { days, needed };
}

export function clock(minutes) {
  const pad = (n) => String(n).padStart(2, "0");
  return pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
}
