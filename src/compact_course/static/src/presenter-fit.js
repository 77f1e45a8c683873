/* Slides that fit the screen: a slide's blocks (paragraphs, list items, options) are laid out in
 * the presenter's stage one by one, and a block that would make the stage scroll starts a
 * continued slide instead. Text is never made smaller to fit (the stylesheet keeps every
 * slide's text at 24 px or more). A block too tall for a slide of its own is split between
 * sentences, or failing that between words, and each half tried again.
 */

import { el } from "./dom.js";

export function overflows(stage) {
  return stage.scrollHeight > stage.clientHeight + 1 || stage.scrollWidth > stage.clientWidth + 1;
}

// Render one page: the header (with "continued" after the first), then its blocks.
export function renderPage(stage, header, blocks, continued) {
  const box = el("div", null, "cc-slide");
  header(box, continued);
  blocks.forEach((block) => { box.appendChild(block.node.cloneNode(true)); });
  stage.replaceChildren(box);
  return box;
}

function textOf(block) { return block.text !== undefined ? block.text : block.node.textContent; }

// Two blocks from one: the same element with the first and the second half of its text.
function halves(block) {
  const whole = textOf(block);
  const cuts = [];
  const sentence = /[.!?;:]["”’)]?\s+/g;
  let match = sentence.exec(whole);
  while (match !== null) { cuts.push(match.index + match[0].length); match = sentence.exec(whole); }
  if (!cuts.length) { whole.replace(/\s+/g, (space, at) => { cuts.push(at + space.length); return space; }); }
  if (!cuts.length) { return null; }
  const middle = whole.length / 2;
  const cut = cuts.reduce((best, at) => (Math.abs(at - middle) < Math.abs(best - middle) ? at : best), cuts[0]);
  const make = (part) => {
    const node = block.node.cloneNode(false);
    node.textContent = part;
    return { node, text: part };
  };
  return [make(whole.slice(0, cut).trim()), make(whole.slice(cut).trim())];
}

// The pages of one slide: arrays of blocks, each page fitting the stage at its present size.
export function paginate(stage, header, blocks) {
  const pages = [];
  let current = [];
  const queue = blocks.slice();
  while (queue.length) {
    const block = queue.shift();
    renderPage(stage, header, current.concat([block]), pages.length > 0);
    if (!overflows(stage)) { current.push(block); continue; }
    if (current.length) { pages.push(current); current = []; queue.unshift(block); continue; }
    const split = halves(block);
    if (!split) { current.push(block); continue; } // a single word: nothing smaller to show
    queue.unshift(split[0], split[1]);
  }
  if (current.length || !pages.length) { pages.push(current); }
  return pages;
}
