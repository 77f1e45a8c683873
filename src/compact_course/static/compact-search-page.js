/* The search page: its field takes focus, so that a query can be typed at once (the theme did
 * this in an inline script, which a strict Content-Security-Policy blocks). */
document.addEventListener("DOMContentLoaded", function () {
  var field = document.querySelector(".bd-search-container form.bd-search input") || document.querySelector("form.bd-search input");
  if (field) { field.focus(); field.select(); }
});
