// The participants' link (share-address.js): the facilitator edition never gives its own address.
import assert from "node:assert/strict";
import { test } from "node:test";
import { participantsAddress } from "../../src/compact_course/static/src/share-address.js";

const LESSON = "https://intranet.example.org/compact-facilitator/book/lessons/07-commissioning.html?x=1#present";

test("the learner edition gives the page's own address, without query or fragment", () => {
  assert.equal(participantsAddress({ facilitator: false, learnerAddress: null }, LESSON, "../../"),
    "https://intranet.example.org/compact-facilitator/book/lessons/07-commissioning.html");
});

test("the facilitator edition gives the same page in the learner edition", () => {
  const manifest = { facilitator: true, learnerAddress: "https://learning.example.org/compact/" };
  assert.equal(participantsAddress(manifest, LESSON, "../../"), "https://learning.example.org/compact/book/lessons/07-commissioning.html");
  assert.equal(participantsAddress(manifest, "file:///media/usb/course/index.html", ""), "https://learning.example.org/compact/index.html");
});

test("the facilitator edition with no learner address set gives none", () => {
  assert.equal(participantsAddress({ facilitator: true, learnerAddress: null }, LESSON, "../../"), null);
  assert.equal(participantsAddress({ facilitator: true }, LESSON, "../../"), null);
});
