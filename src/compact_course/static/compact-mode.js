/* Before the page is drawn (a file: a strict CSP blocks inline scripts): the saved colour mode,
 * read inside try (refused storage only loses it), and the cc-js class, by which the stylesheet
 * reserves the room the scripts fill. */
(function () {
  var d = document.documentElement, mode = "", theme = "";
  try { mode = localStorage.getItem("mode") || ""; theme = localStorage.getItem("theme") || ""; } catch (refused) {}
  d.dataset.mode = mode || "auto";
  d.dataset.theme = theme;
  d.classList.add("cc-js");
})();
