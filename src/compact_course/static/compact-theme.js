/* The menu and page-contents buttons (issue 18). Since pydata-sphinx-theme 0.17 the theme binds
 * only the first element with the primary-toggle class, a hidden copy, so on narrow screens the
 * buttons did nothing (pydata-sphinx-theme issue 2451). The course's buttons have their own
 * classes and this script opens and closes the panels at every width: on wide screens the menu
 * panel is shown or hidden in place; otherwise a panel opens as a modal dialog, as the theme
 * intended. Focus moves to the panel's first link and returns to the button on close.
 */
(function () {
  "use strict";

  // The theme's breakpoints: the menu panel sits beside the page from 960 px, the contents from 1200 px.
  var inPlace = { primary: window.matchMedia("(min-width: 960px)"), secondary: window.matchMedia("(min-width: 1200px)") };

  function move(from, to) {
    Array.from(from.childNodes).forEach(function (node) { to.appendChild(node); });
    Array.from(from.classList).forEach(function (name) { from.classList.remove(name); to.classList.add(name); });
  }

  function focusFirst(container) {
    var target = container.querySelector("a[href], button:not([disabled]), input, [tabindex]:not([tabindex='-1'])");
    if (target) { target.focus(); }
  }

  function setExpanded(kind, open) {
    document.querySelectorAll(".cc-" + kind + "-toggle").forEach(function (button) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  function openDialog(kind, button, panel, dialog) {
    move(panel, dialog);
    dialog.showModal();
    setExpanded(kind, true);
    focusFirst(dialog);
    dialog.addEventListener("close", function () {
      move(dialog, panel);
      setExpanded(kind, false);
      button.focus();
    }, { once: true });
  }

  function toggleInPlace(kind, panel) {
    var hidden = panel.classList.toggle("pst-sidebar-hidden");
    setExpanded(kind, !hidden);
    // The panel fades in (visibility, 0.25 s) and cannot take focus before: focus after that.
    if (!hidden) { window.setTimeout(function () { focusFirst(panel); }, 260); }
  }

  function wire(kind) {
    var panel = document.getElementById("pst-" + kind + "-sidebar");
    var dialog = document.getElementById("pst-" + kind + "-sidebar-modal");
    if (!panel || !dialog) { return; }
    setExpanded(kind, inPlace[kind].matches && !panel.classList.contains("pst-sidebar-hidden"));
    inPlace[kind].addEventListener("change", function (event) {
      if (dialog.open) { dialog.close(); }
      setExpanded(kind, event.matches && !panel.classList.contains("pst-sidebar-hidden"));
    });
    document.querySelectorAll(".cc-" + kind + "-toggle").forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        if (inPlace[kind].matches) { toggleInPlace(kind, panel); } else { openDialog(kind, button, panel, dialog); }
      });
    });
    // A click on the backdrop (outside the panel's box) closes the dialog; 
    dialog.addEventListener("click", function (event) {
      var box = dialog.getBoundingClientRect();
      if (event.target === dialog && (event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom)) {
        dialog.close();
      }
    });
    // Escape closes it too: Chrome's native cancel can be skipped without fresh user activation.
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); dialog.close(); }
    });
    // Following a link inside the dialog to a place on this page closes the dialog.
    dialog.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href^='#']");
      if (link) { dialog.close(); }
    });
  }

  function start() { wire("primary"); wire("secondary"); }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();

/* The page contents mark the section being read (issue 28). The theme marks a section only when
 * its heading crosses a band at the top of the window, so scrolling back up into a section left
 * the section below it marked. After each scroll, the section marked here is the last one whose
 * heading is above a line a third of the way down the window (at the foot of the page, the last
 * heading in view), with the theme's own classes; a short wait lets it run after the theme.
 */
(function () {
  "use strict";

  function start() {
    var nav = document.getElementById("pst-page-toc-nav");
    if (!nav) { return; }
    var links = Array.from(nav.querySelectorAll("a[href^='#']"));
    var entries = Array.from(nav.querySelectorAll(".toc-entry"));
    var targets = links.map(function (a) { return document.getElementById(decodeURIComponent(a.hash.slice(1))); });
    if (!links.length) { return; }

    function mark() {
      var atFoot = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      var line = atFoot ? window.innerHeight : window.innerHeight / 3;
      var current = null;
      targets.forEach(function (target, i) {
        if (target && target.getBoundingClientRect().top <= line) { current = links[i]; }
      });
      links.forEach(function (a) {
        a.classList.toggle("active", a === current);
        if (a === current) { a.setAttribute("aria-current", "true"); } else { a.removeAttribute("aria-current"); }
      });
      entries.forEach(function (li) { li.classList.toggle("active", !!current && li.contains(current)); });
    }

    var frame = 0;
    var timer = 0;
    function later() {
      if (!frame) { frame = window.requestAnimationFrame(function () { frame = 0; mark(); }); }
      window.clearTimeout(timer);
      timer = window.setTimeout(mark, 150);
    }
    window.addEventListener("scroll", later, { passive: true });
    window.addEventListener("resize", later);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
