/* Accessibility fixes for the book theme's own controls (WCAG 2.5.3 "label in name").
 *
 * The search button's aria-label ("Search") hides its visible text ("Search Ctrl+K"), and the
 * colour-mode button's aria-label does not include the mode its icon shows. Let the search
 * button be named by its visible text, and name the mode button after the mode it shows.
 */
(function () {
  "use strict";

  function visibleModeTitle(button) {
    var icons = button.querySelectorAll("[data-mode]");
    for (var i = 0; i < icons.length; i++) {
      if (icons[i].getClientRects().length) {
        var title = icons[i].querySelector("title");
        return title ? title.textContent : icons[i].getAttribute("data-mode");
      }
    }
    return document.documentElement.dataset.mode || "auto";
  }

  function nameModeButtons() {
    document.querySelectorAll(".theme-switch-button").forEach(function (button) {
      button.setAttribute("aria-label", visibleModeTitle(button) + " (colour mode: select to change)");
    });
  }

  function fix() {
    document.querySelectorAll(".search-button-field[aria-label]").forEach(function (button) {
      button.removeAttribute("aria-label");
    });
    nameModeButtons();
    new MutationObserver(nameModeButtons).observe(document.documentElement, { attributes: true, attributeFilter: ["data-mode", "data-theme"] });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fix);
  } else {
    fix();
  }
})();
