/* Notices to the learner about saved data (set aside, not saved, left alone), shown in one
 * alert box at the top of the page. Every string goes in with textContent.
 */

export function createNotices(doc) {
  const list = [];

  function show() {
    if (!list.length) { return; }
    let box = doc.getElementById("cc-notices");
    if (!box) {
      box = doc.createElement("div");
      box.id = "cc-notices";
      box.className = "cc-notice";
      box.setAttribute("role", "alert");
      const main = doc.querySelector("main") || doc.body;
      main.insertBefore(box, main.firstChild);
    }
    box.textContent = "";
    list.forEach((text) => {
      const p = doc.createElement("p");
      p.textContent = text;
      box.appendChild(p);
    });
  }

  return { list, add(text) { list.push(text); }, show };
}
