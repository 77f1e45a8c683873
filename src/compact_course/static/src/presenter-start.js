/* Starts the facilitator tools of the static book, imported once by main.js: the presenter view
 * of each lesson page (presenter.js) and the room poll page (poll-page.js).
 *
 * Both take their questions from the course manifest's "poll" data only. They never open the
 * learner's saved progress: a facilitator rehearsing in this browser must not project answers.
 */

import { setupPollPage } from "./poll-page.js";
import { optionShares, percent, summaryCsv, summaryRow } from "./poll-model.js";
import { setupPresenter } from "./presenter.js";

function pollData() {
  const manifest = window.CompactCourseManifest || null;
  return manifest && manifest.poll ? manifest.poll : null;
}

// What tests/test_browser_present.py calls to hold the page's poll arithmetic to Python's.
window.CompactPoll = { optionShares, percent, summaryRow, summaryCsv };

function start() {
  const data = pollData();
  document.querySelectorAll("div.cc-present").forEach((block) => { setupPresenter(block, data); });
  const page = document.getElementById("cc-room-poll");
  if (page) { setupPollPage(page, data); }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
