/* Loading the course's other bundles and data files on demand, with script elements: they work
 * from file:// too, where fetch() and import() of local files are refused. Each file is loaded
 * once; the callbacks of every request for it run when it has run. */

const pending = {};

// The folder this bundle was loaded from (_static/), so a page at any depth finds its siblings.
// (Read while the bundle runs: document.currentScript is null afterwards.)
const here = (document.currentScript && document.currentScript.src) || "";
const STATIC_BASE = here ? here.replace(/[?#].*$/, "").replace(/[^/]*$/, "")
  : (document.documentElement.getAttribute("data-content_root") || "") + "_static/";

export function loadScript(name, done) {
  if (pending[name]) { pending[name].push(done); return; }
  if (pending[name] === null) { done(); return; }
  pending[name] = [done];
  const script = document.createElement("script");
  script.src = STATIC_BASE + name;
  const finish = () => { const callbacks = pending[name]; pending[name] = null; callbacks.forEach((f) => { f(); }); };
  script.addEventListener("load", finish);
  script.addEventListener("error", finish);  // the caller finds the global missing and does nothing
  document.head.appendChild(script);
}

// Load the files in order, then call done.
export function loadScripts(names, done) {
  if (!names.length) { done(); return; }
  loadScript(names[0], () => { loadScripts(names.slice(1), done); });
}
