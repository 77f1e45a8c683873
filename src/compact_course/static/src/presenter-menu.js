/* The presenter's "Session" menu (a disclosure in its bar): the speaker view, the participants'
 * link, the facilitator notes (facilitator edition only), "Export session (CSV)", "New session"
 * (asked first: it clears the counts), and the keys. actions: {exportCsv, newSession, speaker,
 * participants}. Returns the <details> element.
 */

import { el, makeButton } from "./dom.js";
import { shortcutLegend } from "./poll-view.js";
import { fill, text } from "./text.js";

export function sessionMenu(deck, actions) {
  const words = text().presenter;
  const menu = el("details", null, "cc-presenter-menu");
  menu.appendChild(el("summary", words.menu));
  const panel = el("div", null, "cc-presenter-menu-panel");
  const speaker = makeButton(fill(words.new_window, { label: words.speaker }));
  speaker.addEventListener("click", actions.speaker);
  const participants = makeButton(words.participants);
  participants.addEventListener("click", () => { menu.open = false; actions.participants(); });
  panel.append(speaker, participants);
  const manifest = window.CompactCourseManifest;
  if (manifest && manifest.facilitator) {
    const notes = el("a", fill(words.new_window, { label: deck.notes.label }), "cc-presenter-notes");
    notes.href = deck.notes.href;
    notes.target = "cc-facilitator-notes"; // one second window, reused, for the facilitator's screen
    notes.rel = "noopener";
    panel.appendChild(notes);
  }
  const save = makeButton(words.export);
  save.addEventListener("click", () => { menu.open = false; actions.exportCsv(); });
  const fresh = makeButton(words.new_session);
  const ask = el("div", null, "cc-presenter-ask");
  ask.hidden = true;
  const yes = makeButton(words.new_session_yes, true);
  const no = makeButton(words.new_session_no);
  ask.append(el("p", words.new_session_ask), yes, no);
  fresh.addEventListener("click", () => { ask.hidden = false; no.focus(); });
  no.addEventListener("click", () => { ask.hidden = true; fresh.focus(); });
  yes.addEventListener("click", () => { ask.hidden = true; menu.open = false; actions.newSession(); });
  panel.append(save, fresh, ask);
  panel.appendChild(el("p", words.keys_heading, "cc-presenter-keys-heading"));
  panel.appendChild(shortcutLegend(words.keys));
  menu.appendChild(panel);
  return menu;
}
