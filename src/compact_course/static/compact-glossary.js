/* Compact course: glossary definitions in place (WCAG 1.4.13, content on hover or focus).
 *
 * The first link on a page to each glossary term shows the term's definition next to it when
 * the pointer is over the link or the link has keyboard focus. The definition can itself be
 * hovered (moving the pointer onto it keeps it open), stays until the pointer and focus leave
 * or the reader presses Escape, and never times out. The link still leads to the glossary.
 *
 * Definitions come from window.CompactGlossary, written at build time from data/glossary.yaml by
 * compact_course/book/glossary_terms.py, keyed by the glossary entry's anchor. Every string is
 * inserted with textContent; nothing is fetched.
 */
(function () {
  "use strict";

  var HIDE_DELAY_MS = 300; // time to move the pointer from the link onto the definition
  var open = null; // the term currently shown: {link, tip}

  function anchorOf(link) {
    var href = link.getAttribute("href") || "";
    var hash = href.indexOf("#");
    if (hash < 0) { return ""; }
    try { return decodeURIComponent(href.slice(hash + 1)); } catch (error) { return ""; }
  }

  function buildTip(entry, id) {
    var tip = document.createElement("span");
    tip.className = "cc-glossary-tip";
    tip.id = id;
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    var name = document.createElement("strong");
    name.textContent = entry.term;
    tip.appendChild(name);
    if (entry.expansion) {
      tip.appendChild(document.createTextNode(" (" + entry.expansion + ")"));
    }
    tip.appendChild(document.createTextNode(": " + entry.definition));
    return tip;
  }

  function place(link, tip) {
    var box = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var tipWidth = tip.offsetWidth;
    var left = Math.max(8, Math.min(box.left, width - tipWidth - 8));
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 2) + "px";
  }

  function hide(term) {
    if (!term) { return; }
    window.clearTimeout(term.timer);
    term.tip.hidden = true;
    if (open === term) { open = null; }
  }

  function show(term) {
    window.clearTimeout(term.timer);
    if (open && open !== term) { hide(open); }
    term.tip.hidden = false;
    place(term.link, term.tip);
    open = term;
  }

  function hideLater(term) {
    window.clearTimeout(term.timer);
    term.timer = window.setTimeout(function () {
      if (!term.hovered && document.activeElement !== term.link) { hide(term); }
    }, HIDE_DELAY_MS);
  }

  function enhance(link, entry, id) {
    var term = { link: link, tip: buildTip(entry, id), hovered: false, timer: 0 };
    document.body.appendChild(term.tip);
    link.classList.add("cc-term");
    var described = link.getAttribute("aria-describedby");
    link.setAttribute("aria-describedby", described ? described + " " + id : id);
    function enter() { term.hovered = true; show(term); }
    function leave() { term.hovered = false; hideLater(term); }
    link.addEventListener("mouseenter", enter);
    link.addEventListener("mouseleave", leave);
    term.tip.addEventListener("mouseenter", enter);
    term.tip.addEventListener("mouseleave", leave);
    link.addEventListener("focus", function () { show(term); });
    link.addEventListener("blur", function () { if (!term.hovered) { hide(term); } });
  }

  function start() {
    var entries = window.CompactGlossary;
    if (!entries) { return; }
    var scope = document.querySelector("main") || document.body;
    var seen = {};
    var count = 0;
    scope.querySelectorAll("a[href*='#']").forEach(function (link) {
      var anchor = anchorOf(link);
      if (!Object.prototype.hasOwnProperty.call(entries, anchor) || seen[anchor]) { return; }
      seen[anchor] = true;
      count += 1;
      enhance(link, entries[anchor], "cc-glossary-tip-" + count);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && open) { hide(open); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
