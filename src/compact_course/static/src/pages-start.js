/* Entry of compact-pages.js: the self-assessment's exam mode and results (exam.js,
 * results-view.js) and the My progress page (progress-page.js). main.js loads it, before it
 * sets anything up, only on the pages that have one of them. */

import { setupAssessment } from "./exam.js";
import { setupProgressPage } from "./progress-page.js";

window.CompactPages = { setupAssessment, setupProgressPage };
