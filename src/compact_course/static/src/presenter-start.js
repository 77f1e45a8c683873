/* Entry of compact-present.js, the facilitator tools of the static book: the presenter view of
 * each lesson page (presenter.js) and the room poll page (poll-page.js).
 *
 * main.js loads this bundle, after compact-poll-data.js, only when it is needed: when "Present
 * this lesson" is pressed, when the address ends in #present, on the room poll page and on the
 * plan-and-pack page (plan-builder.js), and on a pack's page (pack-pages.js). The
 * tools take their questions from that poll data only. They never open the learner's saved
 * progress: a facilitator rehearsing in this browser must not project answers.
 */

import { updatePages } from "./pack-pages.js";
import { setupPlanBuilder } from "./plan-builder.js";
import { setupPollPage } from "./poll-page.js";
import { optionShares, percent, summaryCsv, summaryRow } from "./poll-model.js";
import { setupPresenter } from "./presenter.js";

// What tests/test_browser_present.py calls to hold the page's poll arithmetic to Python's.
window.CompactPoll = { optionShares, percent, summaryCsv, summaryRow };

// pressed: the "Present this lesson" button whose press loaded this bundle, if any.
window.CompactPresent = {
  start(pressed) {
    const data = window.CompactPollData || null;
    document.querySelectorAll("div.cc-present").forEach((block) => {
      const view = setupPresenter(block, data);
      if (view && pressed && block.contains(pressed)) { view.open(true); }
    });
    const page = document.getElementById("cc-room-poll");
    if (page) { setupPollPage(page, data); }
    const builder = document.getElementById("cc-plan-builder");
    const plans = document.getElementById("cc-plan-data");
    if (builder && plans) { setupPlanBuilder(builder, JSON.parse(plans.textContent)); }
    // A ready-made plan's pack page: its cover gives the pages to copy (the plan-and-pack page
    // counts them each time the plan changes).
    const pack = document.querySelector(".cc-pack");
    if (pack && !builder) { updatePages(pack); }
  }
};
