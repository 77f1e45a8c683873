/* Entry of compact-scorm.js, the SCORM 1.2 adapter: main.js loads it on the launch page only. */

import { startLaunchPage } from "./scorm.js";

startLaunchPage(document, window);
