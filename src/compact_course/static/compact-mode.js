/* The reader's colour mode, set on the page before it is drawn (issue 30: a file, not an inline
 * script, so that a strict Content-Security-Policy runs it). Read inside try: refused storage
 * only loses the preference. The theme's script then keeps the saved mode instead of resetting
 * it to "auto". It also marks the page as scripted (the class cc-js). */
(function () {
  var d = document.documentElement, mode = "", theme = "";
  try { mode = localStorage.getItem("mode") || ""; theme = localStorage.getItem("theme") || ""; } catch (refused) {}
  d.dataset.mode = mode || "auto";
  d.dataset.theme = theme;
  // Scripts run: the stylesheet reserves the room that the scripts fill (compact-theme.css),
  // so nothing below moves when they do.
  d.classList.add("cc-js");
})();
