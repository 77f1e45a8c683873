/* The two SCORM run-times the course talks to, as one shape: SCORM 1.2 (window.API, LMS*
 * calls, cmi.core.*) and SCORM 2004 4th edition (window.API_1484_11, Initialize/Terminate,
 * completion and success apart, a scaled score). The launch page's course data says which
 * package it is in ("scorm": "1.2" or "2004"; 1.2 when absent).
 *
 * A dialect turns the course's one status (incomplete, completed, passed, failed; see
 * scorm-status.js) into the run-time's elements and back, and names the rest.
 */

import { isoDuration, timespan } from "./scorm-api.js";

function calls(api, names) {
  return {
    init: () => String(api[names[0]]("")) === "true",
    get: (name) => String(api[names[1]](name) || ""),
    set: (name, value) => api[names[2]](name, value),
    commit: () => api[names[3]](""),
    finish: () => api[names[4]]("")
  };
}

const SCORM12 = {
  version: "1.2",
  apiName: "API",
  suspendLimit: 4096,
  calls: (api) => calls(api, ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"]),
  location: "cmi.core.lesson_location",
  exit: (finished) => (finished ? "" : "suspend"),
  exitName: "cmi.core.exit",
  sessionTime: (ms) => ["cmi.core.session_time", timespan(ms)],
  mastery(get) { return parseFloat(get("cmi.student_data.mastery_score")); },
  priorStatus(get) { return get("cmi.core.lesson_status"); },
  status: (status) => [["cmi.core.lesson_status", status]],
  score: (percent) => [["cmi.core.score.min", "0"], ["cmi.core.score.max", "100"],
    ["cmi.core.score.raw", String(percent)]]
};

const SCORM2004 = {
  version: "2004",
  apiName: "API_1484_11",
  suspendLimit: 64000,
  calls: (api) => calls(api, ["Initialize", "GetValue", "SetValue", "Commit", "Terminate"]),
  location: "cmi.location",
  exit: (finished) => (finished ? "normal" : "suspend"),
  exitName: "cmi.exit",
  sessionTime: (ms) => ["cmi.session_time", isoDuration(ms)],
  mastery(get) { return 100 * parseFloat(get("cmi.scaled_passing_score")); },
  priorStatus(get) {
    const success = get("cmi.success_status");
    if (success === "passed" || success === "failed") { return success; }
    const completion = get("cmi.completion_status");
    return completion === "completed" || completion === "incomplete" ? completion : "";
  },
  status: (status) => [
    ["cmi.completion_status", status === "incomplete" ? "incomplete" : "completed"],
    ["cmi.success_status", status === "passed" || status === "failed" ? status : "unknown"]
  ],
  score: (percent) => [["cmi.score.min", "0"], ["cmi.score.max", "100"], ["cmi.score.raw", String(percent)],
    ["cmi.score.scaled", String(percent / 100)]]
};

export const DIALECTS = { "1.2": SCORM12, "2004": SCORM2004 };

export function dialectOf(course) { return DIALECTS[course.scorm === "2004" ? "2004" : "1.2"]; }
