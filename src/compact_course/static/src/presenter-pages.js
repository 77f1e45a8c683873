/* The presenter's pages: each slide of the lesson's deck (compact_course/book/presenter.py) laid
 * out for the screen as it is now, split into continued pages where it does not fit.
 *
 * A poll slide becomes three steps, as a facilitator runs a show of hands: the question with
 * its options lettered A, B, C... (split if long), the room's answers (count boxes, the chat
 * box and the chart, drawn to the height left), and the answer with its explanation, which
 * counts as the reveal. A page is {slide, step, part, parts, heading, blocks, header}.
 */

import { el } from "./dom.js";
import { paginate } from "./presenter-fit.js";
import { questionParts, revealParts } from "./poll-view.js";
import { fill, text } from "./text.js";

function textBlocks(slide) {
  const blocks = [];
  if (slide.text) { blocks.push({ node: el("p", slide.text, "cc-slide-text") }); }
  (slide.items || []).forEach((t) => { blocks.push({ node: el("p", t, "cc-slide-item") }); });
  if (slide.source) { blocks.push({ node: el("p", slide.source, "cc-slide-source") }); }
  return blocks;
}

// header(box, continued): the lead and the heading, "(continued)" after a slide's first page.
export function headerFor(slide, heading) {
  const words = text().presenter;
  return (box, continued) => {
    const title = continued ? fill(words.continued, { heading }) : heading;
    if (slide.lead && slide.kind !== "title") { box.appendChild(el("p", slide.lead, "cc-slide-lead")); }
    box.appendChild(el("h2", title, "cc-slide-heading"));
    if (slide.lead && slide.kind === "title") { box.appendChild(el("p", slide.lead, "cc-slide-lead")); }
  };
}

function pollHeadings(slide) {
  const words = text().presenter;
  const found = /(\d+)\D+(\d+)/.exec(slide.heading) || [null, "", ""];
  const values = { number: found[1], total: found[2] };
  return { votes: fill(words.poll_votes_heading, values), answer: fill(words.poll_answer_heading, values) };
}

function stepPages(stage, index, slide, step, heading, blocks) {
  const header = headerFor(slide, heading);
  const split = paginate(stage, header, blocks);
  return split.map((part, k) => ({ slide: index, step, part: k, parts: split.length, heading, blocks: part, header }));
}

// Every page of the deck at the stage's present size. questions: the poll data's questions by id.
export function deckPages(stage, deck, questions) {
  const pages = [];
  deck.slides.forEach((slide, index) => {
    const question = slide.kind === "poll" ? questions[slide.question] : null;
    if (slide.kind === "poll" && !question) { return; }
    if (!question) {
      pages.push(...stepPages(stage, index, slide, "text", slide.heading, textBlocks(slide)));
      return;
    }
    const headings = pollHeadings(slide);
    pages.push(...stepPages(stage, index, slide, "question", slide.heading, questionParts(question)));
    pages.push({ slide: index, step: "votes", part: 0, parts: 1, heading: headings.votes, blocks: [],
      header: headerFor({}, headings.votes), question: slide.question });
    pages.push(...stepPages(stage, index, {}, "answer", headings.answer, revealParts(question)));
  });
  pages.forEach((page) => { page.question = deck.slides[page.slide].question || null; });
  return pages;
}

// Where a saved place {slide, step, part} is among freshly laid-out pages.
export function findPage(pages, place) {
  if (!place) { return 0; }
  let best = -1;
  pages.forEach((page, i) => {
    if (page.slide === place.slide && page.step === place.step && page.part <= (place.part || 0)) { best = i; }
  });
  if (best < 0) { best = pages.findIndex((page) => page.slide >= place.slide); }
  return best < 0 ? pages.length - 1 : best;
}
