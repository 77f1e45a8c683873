/* Notices to the learner about saved data, at the top of the page: one alert box for data set
 * aside or left alone, and one polite status box saying that progress is not being saved in
 * this browser, with a button that downloads this page's answers. Every string goes in with
 * textContent.
 */

import { text } from "./text.js";

function boxAtTop(doc, id, role) {
  let box = doc.getElementById(id);
  if (!box) {
    box = doc.createElement("div");
    box.id = id;
    box.className = "cc-notice";
    box.setAttribute("role", role);
    if (role === "status") { box.setAttribute("aria-live", "polite"); }
    const main = doc.querySelector("main") || doc.body;
    main.insertBefore(box, main.firstChild);
  }
  return box;
}

export function createNotices(doc) {
  const list = [];
  let download = null; // () => void: downloads what this page holds (set by main.js)
  let unsavedShown = false;

  function show() {
    if (!list.length) { return; }
    const box = boxAtTop(doc, "cc-notices", "alert");
    box.textContent = "";
    list.forEach((message) => {
      const p = doc.createElement("p");
      p.textContent = message;
      box.appendChild(p);
    });
  }

  // Progress is not being saved: say so once, politely, with a way to keep the answers.
  function unsaved() {
    if (unsavedShown) { return; }
    unsavedShown = true;
    const words = text().storage;
    const box = boxAtTop(doc, "cc-storage-notice", "status");
    box.classList.add("cc-storage-notice");
    const p = doc.createElement("p");
    p.textContent = words.not_saved;
    box.appendChild(p);
    if (download) {
      const button = doc.createElement("button");
      button.type = "button";
      button.className = "cc-button";
      button.textContent = words.download;
      button.addEventListener("click", () => { download(); });
      box.appendChild(button);
    }
  }

  return {
    list,
    add(message) { list.push(message); },
    show,
    unsaved,
    get unsavedShown() { return unsavedShown; },
    setDownload(fn) { download = fn; }
  };
}
