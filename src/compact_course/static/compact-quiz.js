/* Compact course quizzes in the static book (no kernel).
 *
 * Enhances the semantic forms written by compact_course/quiz_html.py: checking, feedback in
 * a live region, try again, show answer, hints, the quiz score, and progress saved in
 * localStorage. Scoring mirrors compact_course/scoring.py (tests hold both to one table).
 * Every string is inserted with textContent: nothing from the bank is parsed as HTML.
 */
(function () {
  "use strict";

  var PREFIX = "compact-course:v1:";
  var SET_ASIDE = "compact-course:set-aside:";
  var notices = [];

  // ---- Scoring (mirror of scoring.py) -------------------------------------------------
  function choiceMap(spec) {
    var map = {};
    spec.choices.forEach(function (c) { map[c.key] = c; });
    return map;
  }

  function score(spec, response) {
    var choices = choiceMap(spec);
    if (spec.type === "matching") {
      response = response || {};
      var any = spec.items.some(function (item) { return !!response[item.key]; });
      if (!any) { return { answered: false, correct: false, feedback: [] }; }
      var lines = spec.items.map(function (item) {
        var chosen = response[item.key] || "";
        var right = chosen === item.answer;
        var text;
        if (right) {
          text = "\u201c" + item.text + "\u201d: right. " + item.feedback;
        } else {
          var picked = chosen ? "not \u201c" + choices[chosen].text + "\u201d" : "not answered";
          text = "\u201c" + item.text + "\u201d: " + picked + ". " + item.feedback;
        }
        return { key: item.key, correct: right, text: text };
      });
      return { answered: true, correct: lines.every(function (l) { return l.correct; }), feedback: lines };
    }
    if (spec.type === "multiple") {
      var chosenKeys = (response || []).slice().sort();
      chosenKeys = chosenKeys.filter(function (k, i) { return chosenKeys.indexOf(k) === i; });
      if (chosenKeys.length === 0) { return { answered: false, correct: false, feedback: [] }; }
      var wanted = spec.choices.filter(function (c) { return c.correct; }).map(function (c) { return c.key; });
      var fb = chosenKeys.map(function (k) {
        return { key: k, correct: choices[k].correct, text: choices[k].feedback };
      });
      wanted.filter(function (k) { return chosenKeys.indexOf(k) < 0; }).sort().forEach(function (k) {
        fb.push({ key: k, correct: false,
          text: "You did not select \u201c" + choices[k].text + "\u201d. " + choices[k].feedback });
      });
      var exact = wanted.length === chosenKeys.length &&
        wanted.every(function (k) { return chosenKeys.indexOf(k) >= 0; });
      return { answered: true, correct: exact, feedback: fb };
    }
    if (response === null || response === undefined || response === "") {
      return { answered: false, correct: false, feedback: [] };
    }
    var choice = choices[response];
    return { answered: true, correct: choice.correct,
      feedback: [{ key: choice.key, correct: choice.correct, text: choice.feedback }] };
  }

  // ---- Storage: versioned keys; corrupt entries are set aside, never dropped --------------
  var storage = (function () {
    try {
      var s = window.localStorage;
      s.setItem(PREFIX + "probe", "1");
      s.removeItem(PREFIX + "probe");
      return s;
    } catch (err) {
      return null;
    }
  })();

  function setAside(key, raw, why) {
    try {
      storage.setItem(SET_ASIDE + key, raw);
      storage.removeItem(key);
    } catch (err) { /* storage full: keep the original where it is */ }
    notices.push("Saved data under \u201c" + key + "\u201d could not be read (" + why +
      ") and was set aside; your other progress is unaffected.");
  }

  function validRecord(record) {
    return record && typeof record === "object" && typeof record.fingerprint === "string" &&
      typeof record.correct === "boolean" && "answer" in record;
  }

  function readRecord(key) {
    if (!storage) { return null; }
    var raw = storage.getItem(key);
    if (raw === null) { return null; }
    var record;
    try { record = JSON.parse(raw); } catch (err) { setAside(key, raw, "not valid JSON"); return null; }
    if (!validRecord(record)) { setAside(key, raw, "not a saved answer"); return null; }
    return record;
  }

  function writeRecord(key, record) {
    if (!storage) { return; }
    try { storage.setItem(key, JSON.stringify(record)); } catch (err) {
      notices.push("Your answers could not be saved in this browser (storage is full or blocked).");
      showNotices();
    }
  }

  function allRecords() {
    var out = {};
    if (!storage) { return out; }
    var keys = [];
    for (var i = 0; i < storage.length; i++) { keys.push(storage.key(i)); }
    keys.forEach(function (key) {
      if (key && key.indexOf(PREFIX) === 0) {
        var record = readRecord(key);
        if (record) { out[key] = record; }
      }
    });
    return out;
  }

  function showNotices() {
    if (!notices.length) { return; }
    var box = document.getElementById("cc-notices");
    if (!box) {
      box = document.createElement("div");
      box.id = "cc-notices";
      box.className = "cc-notice";
      box.setAttribute("role", "alert");
      var main = document.querySelector("main") || document.body;
      main.insertBefore(box, main.firstChild);
    }
    box.textContent = "";
    notices.forEach(function (text) {
      var p = document.createElement("p");
      p.textContent = text;
      box.appendChild(p);
    });
  }

  // ---- Reading and writing the form -------------------------------------------------------
  function readResponse(form, spec) {
    if (spec.type === "matching") {
      var out = {};
      form.querySelectorAll(".cc-match").forEach(function (row) {
        var value = row.querySelector("select").value;
        if (value) { out[row.getAttribute("data-item")] = value; }
      });
      return out;
    }
    var checked = Array.prototype.slice.call(form.querySelectorAll("input:checked"))
      .map(function (input) { return input.value; });
    if (spec.type === "multiple") { return checked; }
    return checked.length ? checked[0] : null;
  }

  function writeResponse(form, spec, response) {
    if (spec.type === "matching") {
      form.querySelectorAll(".cc-match").forEach(function (row) {
        row.querySelector("select").value = (response && response[row.getAttribute("data-item")]) || "";
      });
      return;
    }
    var chosen = spec.type === "multiple" ? (response || []) : [response];
    form.querySelectorAll("input").forEach(function (input) {
      input.checked = chosen.indexOf(input.value) >= 0;
    });
  }

  function clearMarks(form) {
    form.querySelectorAll(".cc-mark").forEach(function (mark) { mark.parentNode.removeChild(mark); });
    form.querySelectorAll(".cc-right, .cc-wrong").forEach(function (el) {
      el.classList.remove("cc-right", "cc-wrong");
    });
  }

  function mark(row, right, text) {
    row.classList.add(right ? "cc-right" : "cc-wrong");
    var span = document.createElement("span");
    span.className = "cc-mark";
    span.textContent = (right ? "\u2713 " : "\u2717 ") + text;
    row.appendChild(span);
  }

  // ---- One question -----------------------------------------------------------------------
  function setupQuestion(form, quiz) {
    var dataEl = form.querySelector("script.cc-data");
    var spec = JSON.parse(dataEl.textContent);
    var storeKey = PREFIX + (form.getAttribute("data-store") || "lesson") + ":" + spec.id;
    var controls = form.querySelector(".cc-controls");
    var feedback = form.querySelector(".cc-feedback");
    var details = form.querySelector("details.cc-answer");
    var hintBox = form.querySelector(".cc-hint");
    var retry = form.querySelector('[data-action="retry"]');
    var exam = quiz.mode === "exam";
    var state = { spec: spec, form: form, result: null };

    controls.hidden = false;
    details.hidden = true;
    if (exam) {
      controls.hidden = true;
    }

    function renderResult(result, announce) {
      clearMarks(form);
      feedback.textContent = "";
      var head = document.createElement("p");
      head.className = "cc-verdict-line " + (result.correct ? "cc-right" : "cc-wrong");
      if (!result.answered) {
        head.textContent = "Choose an answer before checking.";
        feedback.appendChild(head);
        return;
      }
      head.textContent = result.correct ? "\u2713 Correct." : "\u2717 Not quite.";
      feedback.appendChild(head);
      var list = document.createElement("ul");
      result.feedback.forEach(function (line) {
        var li = document.createElement("li");
        li.textContent = (line.correct ? "\u2713 " : "\u2717 ") + line.text;
        list.appendChild(li);
        var row = form.querySelector('[data-choice="' + CSS.escape(line.key) + '"], [data-item="' + CSS.escape(line.key) + '"]');
        if (row && (spec.type !== "multiple" || readResponse(form, spec).indexOf(line.key) >= 0)) {
          mark(row, line.correct, line.correct ? "right" : "not right");
        }
      });
      feedback.appendChild(list);
      if (result.correct) {
        var why = document.createElement("p");
        why.textContent = spec.explanation;
        feedback.appendChild(why);
      } else {
        var next = document.createElement("p");
        next.textContent = "Try again, or select \u201cShow answer\u201d.";
        feedback.appendChild(next);
      }
      var more = document.createElement("p");
      var link = document.createElement("a");
      link.href = spec.more.href;
      link.textContent = "Read more: " + spec.more.label;
      more.appendChild(link);
      feedback.appendChild(more);
      retry.hidden = false;
      if (!announce) { feedback.setAttribute("data-restored", "true"); }
    }

    function check(announce) {
      var response = readResponse(form, spec);
      var result = score(spec, response);
      state.result = result.answered ? result : state.result;
      if (!exam) { renderResult(result, announce); }
      if (result.answered) {
        writeRecord(storeKey, {
          answer: response, correct: result.correct, fingerprint: spec.fingerprint,
          time: new Date().toISOString(), question: spec.id, page: location.pathname
        });
      }
      quiz.update();
      return result;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!exam) { check(true); }
    });
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) { return; }
      var action = button.getAttribute("data-action");
      if (action === "retry") {
        writeResponse(form, spec, spec.type === "multiple" ? [] : (spec.type === "matching" ? {} : null));
        clearMarks(form);
        feedback.textContent = "Your answer has been cleared. Choose again.";
        retry.hidden = true;
        var first = form.querySelector("input, select");
        if (first) { first.focus(); }
      } else if (action === "reveal") {
        details.hidden = false;
        details.open = true;
        feedback.textContent = "The answer and explanation are shown below the question.";
        details.querySelector("summary").focus();
      } else if (action === "hint") {
        hintBox.hidden = false;
        hintBox.textContent = "Hint: " + spec.hint;
      }
    });

    var saved = readRecord(storeKey);
    if (saved && saved.fingerprint === spec.fingerprint) {
      writeResponse(form, spec, saved.answer);
      var restored = score(spec, saved.answer);
      if (restored.answered) {
        state.result = restored;
        if (!exam) { renderResult(restored, false); }
      }
    }
    state.check = check;
    state.reveal = function () { details.hidden = false; };
    return state;
  }

  // ---- One quiz -----------------------------------------------------------------------------
  function setupQuiz(section) {
    var quiz = { mode: section.getAttribute("data-mode") || "practice", questions: [] };
    var scoreLine = section.querySelector(".cc-score");
    quiz.update = function () {
      var answered = quiz.questions.filter(function (q) { return q.result; });
      var correct = answered.filter(function (q) { return q.result.correct; });
      if (quiz.mode === "exam") { return; }
      if (answered.length === quiz.questions.length) {
        scoreLine.textContent = "Score: " + correct.length + " of " + quiz.questions.length + " correct.";
      } else {
        scoreLine.textContent = "";
      }
      section.dispatchEvent(new CustomEvent("cc-quiz-update", { bubbles: true,
        detail: { correct: correct.length, answered: answered.length, total: quiz.questions.length } }));
    };
    section.querySelectorAll("form.cc-question").forEach(function (form) {
      quiz.questions.push(setupQuestion(form, quiz));
    });
    quiz.update();
    section.ccQuiz = quiz;
    return quiz;
  }

  window.CompactQuiz = {
    version: 1,
    prefix: PREFIX,
    score: score,
    readRecord: readRecord,
    writeRecord: writeRecord,
    allRecords: allRecords,
    notices: notices,
    showNotices: showNotices,
    storageAvailable: function () { return storage !== null; },
    setAsidePrefix: SET_ASIDE
  };

  function start() {
    document.querySelectorAll("section.cc-quiz").forEach(setupQuiz);
    showNotices();
    document.dispatchEvent(new CustomEvent("cc-quizzes-ready"));
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
