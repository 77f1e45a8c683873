/* The plan-and-pack page (facilitator edition), for a facilitator with a browser only: a form
 * takes the lessons (or a ready-made plan), the minutes, the group size, the start time, the
 * breaks, lunch and polls; the agenda is laid out with the rules of `compact-course plan`
 * (plan-layout.js, held to Python by tests/fixtures/plan_cases.json); the pack of every lesson
 * below the form (compact_course/facilitator/plan_builder.py) shows the chosen lessons' parts
 * only, with this plan's agenda, copies and attendance lines, so printing the page prints the
 * plan's pack. Words from data/interface.yaml (`plan`).
 */

import { el, makeButton } from "./dom.js";
import { updatePages } from "./pack-pages.js";
import { clock, layoutPlan } from "./plan-layout.js";
import { stackTable } from "./stack-table.js";  // stacks on a phone (issue 28)
import { fill, text } from "./text.js";

let fields = 0;

function numberField(labelText, value, min) {
  fields += 1;
  const box = el("div", null, "cc-plan-field");
  const label = el("label", labelText);
  const input = el("input");
  input.type = "number"; input.min = String(min || 0); input.step = "1"; input.inputMode = "numeric";
  input.id = "cc-plan-field-" + fields;
  label.htmlFor = input.id;
  input.value = value === null || value === undefined ? "" : String(value);
  box.append(label, input);
  return { box, input, label: labelText };
}

function lessonPicker(data, words) {
  const boxes = {};
  const root = el("fieldset", null, "cc-plan-lessons");
  root.appendChild(el("legend", words.lessons_legend));
  data.modules.forEach((module) => {
    const group = el("fieldset");
    group.appendChild(el("legend", fill(words.module_legend, module)));
    data.lessons.filter((l) => l.module === module.number).forEach((lesson) => {
      const label = el("label");
      const box = el("input");
      box.type = "checkbox"; box.value = lesson.id;
      label.append(box, document.createTextNode(" " + fill(words.lesson_label, lesson)));
      group.appendChild(label);
      boxes[lesson.id] = box;
    });
    root.appendChild(group);
  });
  return { root, boxes };
}

function slotTitle(slot, day, days, byId, words) {
  if (slot.kind === "lesson") { return fill(words.lesson, byId[slot.lesson]); }
  if (slot.kind === "welcome") { return day.number === 1 ? words.welcome : fill(words.welcome_back, { previous: day.number - 1 }); }
  if (slot.kind === "close") { return day.number === days ? words.close : fill(words.close_day, { number: day.number }); }
  return { break: words.break_slot, lunch: words.lunch, changeover: words.changeover }[slot.kind];
}

export function agendaTables(plan, byId, words) {
  const box = el("div", null, "cc-plan");
  plan.days.forEach((day) => {
    const last = day.slots[day.slots.length - 1];
    const table = el("table", null, "cc-table cc-plan-day");
    table.appendChild(el("caption", fill(words.agenda_caption, { number: day.number, start: clock(day.slots[0].start), end: clock(last.start + last.minutes) })));
    const head = el("tr");
    [words.column_time, words.column_session, words.column_minutes].forEach((h) => { const th = el("th", h); th.scope = "col"; head.appendChild(th); });
    const thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    const body = el("tbody");
    day.slots.forEach((slot) => {
      const tr = el("tr", null, "cc-plan-" + slot.kind);
      const th = el("th", clock(slot.start) + "–" + clock(slot.start + slot.minutes)); th.scope = "row";
      tr.append(th, el("td", slotTitle(slot, day, plan.days.length, byId, words)), el("td", String(slot.minutes)));
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(stackTable(table));
  });
  return box;
}

function whole(field, problems, words) {
  const raw = field.input.value.trim();
  if (raw === "" ) { return null; }
  if (!/^\d{1,4}$/.test(raw)) { problems.push(fill(words.error_number, { field: field.label })); return null; }
  return Number(raw);
}

function problemOf(result, settings, byId, words) {
  if (result.error === "no-lessons") { return words.error_no_lessons; }
  if (result.error === "lesson-too-long") { return fill(words.error_lesson_too_long, byId[result.lesson]); }
  if (result.error === "too-many-days") { return fill(words.error_too_many_days, { needed: result.needed, days: settings.days }); }
  if (result.error === "too-many-minutes") { return fill(words.error_too_many_minutes, { needed: result.needed, minutes: settings.minutes }); }
  return words.error_past_midnight;
}

// Show the chosen lessons' parts of the pack, with this plan's agenda, copies and attendance lines.
function fitPack(pack, plan, chosen, settings, byId, words) {
  pack.querySelectorAll("[data-lesson]").forEach((node) => { node.hidden = !chosen.has(node.getAttribute("data-lesson")); });
  const agenda = pack.querySelector("#agenda .cc-one-page");
  if (agenda) { agenda.replaceChildren(agendaTables(plan, byId, words)); }
  pack.querySelectorAll("[data-copies=participants]").forEach((cell) => { cell.textContent = String(settings.participants); });
  const lines = pack.querySelector(".cc-attendance tbody");
  if (lines && lines.rows.length) {
    const blank = lines.rows[0];
    lines.replaceChildren(...Array.from({ length: settings.participants + 2 }, (_, i) => {
      const row = blank.cloneNode(true);
      row.cells[0].textContent = String(i + 1);
      return row;
    }));
  }
  const slots = plan.days.flatMap((day) => day.slots).filter((s) => s.lesson);
  const asked = new Set(slots.flatMap((s) => s.polled));
  pack.querySelectorAll("[data-question]").forEach((item) => { item.hidden = !asked.has(item.getAttribute("data-question")); });
  slots.forEach((s) => {
    const times = pack.querySelector("#crib-" + s.lesson + " .cc-crib-times");
    if (times) { times.textContent = clock(s.start) + "–" + clock(s.start + s.minutes); }
  });
  const polled = slots.flatMap((s) => s.polled.map((q) => byId[s.lesson].letters[q]));
  const cards = Math.max(4, ...polled);
  pack.querySelectorAll(".cc-card").forEach((card, i) => { card.hidden = i >= cards; });
}

export function setupPlanBuilder(container, data) {
  const words = text().plan;
  const byId = {};
  data.lessons.forEach((l) => { byId[l.id] = l; });
  const d = data.defaults;
  const ready = el("select");
  ready.id = "cc-plan-ready";
  const readyLabel = el("label", words.ready_label);
  readyLabel.htmlFor = ready.id;
  [{ slug: "", title: words.ready_none }].concat(data.readyMade).forEach((r) => { const o = el("option", r.title); o.value = r.slug; ready.appendChild(o); });
  const picker = lessonPicker(data, words);
  const minutes = numberField(words.minutes_label, null, 1);
  const days = numberField(words.days_label, d.days, 1);
  const participants = numberField(words.participants_label, d.participants, 1);
  const start = el("input"); start.type = "time"; start.id = "cc-plan-start"; start.value = clock(d.start);
  const startLabel = el("label", words.start_label); startLabel.htmlFor = start.id;
  const startBox = el("div", null, "cc-plan-field"); startBox.append(startLabel, start);
  const breakEvery = numberField(words.break_every_label, d.breakEvery, 0);
  const breakMinutes = numberField(words.break_label, d.breakMinutes, 1);
  const lunch = numberField(words.lunch_label, d.lunch, 0);
  const polls = numberField(words.polls_label, d.polls, 0);
  const numbers = [minutes, days, participants, breakEvery, breakMinutes, lunch, polls];
  const form = el("form", null, "cc-plan-form");
  const settingsBox = el("div", null, "cc-plan-settings");
  settingsBox.append(minutes.box, days.box, participants.box, startBox, breakEvery.box, breakMinutes.box, lunch.box, polls.box);
  const readyBox = el("div", null, "cc-plan-field"); readyBox.append(readyLabel, ready);
  form.append(readyBox, picker.root, settingsBox);
  const status = el("p", null, "cc-plan-status");
  status.setAttribute("aria-live", "polite");
  const agenda = el("section", null, "cc-plan-agenda");
  const print = makeButton(words.print, true);
  const pack = document.getElementById("cc-plan-pack");
  // The cover's page ranges are counted a moment after the last change; printing waits for that
  // count (a change made while a print waits makes it wait for the newer count, never for none).
  let counting = Promise.resolve();
  let pending = null;
  let settle = null;
  const recount = () => {
    clearTimeout(pending);
    if (!settle) { counting = new Promise((resolve) => { settle = resolve; }); }
    pending = setTimeout(() => { const done = settle; settle = null; updatePages(pack).then(done, done); }, 250);
  };
  print.addEventListener("click", () => { counting.then(() => { window.print(); }); });
  container.replaceChildren(form, status, agenda, print);

  function update() {
    const problems = [];
    const given = numbers.map((f) => whole(f, problems, words));
    const clockMatch = /^(\d\d):(\d\d)$/.exec(start.value);
    if (!clockMatch) { problems.push(words.error_start); }
    const settings = { ...d, minutes: given[0], days: given[1] || d.days, participants: given[2] || d.participants,
      start: clockMatch ? Number(clockMatch[1]) * 60 + Number(clockMatch[2]) : d.start,
      breakEvery: given[3] === null ? d.breakEvery : given[3], breakMinutes: given[4] || d.breakMinutes,
      lunch: given[5] === null ? d.lunch : given[5], polls: given[6] === null ? d.polls : given[6] };
    const chosen = data.lessons.filter((l) => picker.boxes[l.id].checked);
    const result = problems.length ? { error: "form" } : layoutPlan(chosen, settings);
    agenda.replaceChildren();
    print.disabled = !!result.error;
    if (pack) { pack.hidden = !!result.error; }
    if (result.error) { status.textContent = problems.length ? problems.join(" ") : problemOf(result, settings, byId, words); return; }
    status.textContent = fill(words.summary, { minutes: result.needed, days: result.days.length, participants: settings.participants });
    agenda.append(el("h2", words.agenda_heading), agendaTables(result, byId, words));
    if (pack) { fitPack(pack, result, new Set(chosen.map((l) => l.id)), settings, byId, words); recount(); }
  }

  ready.addEventListener("change", () => {
    const plan = data.readyMade.find((r) => r.slug === ready.value);
    if (!plan) { update(); return; }
    Object.keys(picker.boxes).forEach((id) => { picker.boxes[id].checked = plan.lessons.includes(id); });
    const s = plan.settings;
    minutes.input.value = s.minutes === null ? "" : String(s.minutes);
    days.input.value = String(s.days); participants.input.value = String(s.participants); start.value = clock(s.start);
    breakEvery.input.value = String(s.breakEvery); breakMinutes.input.value = String(s.breakMinutes);
    lunch.input.value = String(s.lunch); polls.input.value = String(s.polls);
    update();
  });
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => { event.preventDefault(); });
  ready.value = data.readyMade.length ? data.readyMade[0].slug : "";
  ready.dispatchEvent(new Event("change"));
}
