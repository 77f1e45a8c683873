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

  function validAnswer(record) {
    return !!record && typeof record === "object" && typeof record.fingerprint === "string" &&
      typeof record.correct === "boolean" && "answer" in record;
  }

  function validSubmission(record) {
    return !!record && typeof record === "object" && typeof record.fingerprints === "string" &&
      typeof record.time === "string";
  }

  // Which validator applies to a key; null for keys this version does not know (left alone).
  function validatorFor(key) {
    var rest = key.slice(PREFIX.length);
    if (/^(lesson|assessment|assessment-draw):q-[a-z0-9-]+$/.test(rest)) { return validAnswer; }
    if (/^submitted:[a-z0-9-]+$/.test(rest)) { return validSubmission; }
    return null;
  }

  function readRecord(key) {
    if (!storage) { return null; }
    var raw = storage.getItem(key);
    if (raw === null) { return null; }
    var valid = validatorFor(key);
    if (!valid) { return null; }
    var record;
    try { record = JSON.parse(raw); } catch (err) { setAside(key, raw, "not valid JSON"); return null; }
    if (!valid(record)) { setAside(key, raw, "not in the expected shape"); return null; }
    return record;
  }

  function removeRecord(key) {
    if (storage) { storage.removeItem(key); }
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
    var exam = false;
    var state = { spec: spec, form: form, result: null };

    controls.hidden = false;
    details.hidden = true;

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
    state.showResult = function (result) { renderResult(result, true); };
    state.setExam = function (on) {
      exam = on;
      controls.hidden = on;
      if (on) { feedback.textContent = ""; clearMarks(form); }
    };
    state.clear = function () {
      writeResponse(form, spec, spec.type === "multiple" ? [] : (spec.type === "matching" ? {} : null));
      clearMarks(form);
      feedback.textContent = "";
      details.hidden = true;
      state.result = null;
      removeRecord(storeKey);
    };
    return state;
  }

  // ---- One quiz -----------------------------------------------------------------------------
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function makeButton(text, primary) {
    var node = el("button", text, primary ? "cc-button cc-primary" : "cc-button");
    node.type = "button";
    return node;
  }

  function setupQuiz(section) {
    var assessment = section.getAttribute("data-mode") === "exam";
    var quiz = { mode: section.getAttribute("data-mode") || "practice", questions: [], id: section.getAttribute("data-quiz") };
    var scoreLine = section.querySelector(".cc-score");
    quiz.update = function () {
      var answered = quiz.questions.filter(function (q) { return q.result; });
      var correct = answered.filter(function (q) { return q.result.correct; });
      if (quiz.mode !== "exam" && answered.length === quiz.questions.length) {
        scoreLine.textContent = "Score: " + correct.length + " of " + quiz.questions.length + " correct.";
      } else if (quiz.mode !== "exam") {
        scoreLine.textContent = "";
      }
      section.dispatchEvent(new CustomEvent("cc-quiz-update", { bubbles: true,
        detail: { correct: correct.length, answered: answered.length, total: quiz.questions.length } }));
    };
    section.querySelectorAll("form.cc-question").forEach(function (form) {
      quiz.questions.push(setupQuestion(form, quiz));
    });
    if (assessment) { setupAssessment(section, quiz); }
    quiz.update();
    section.ccQuiz = quiz;
    return quiz;
  }

  // ---- The self-assessment: exam mode (submit, then results) or practice mode ---------------
  function setupAssessment(section, quiz) {
    var submittedKey = PREFIX + "submitted:" + quiz.id;
    function fingerprints() { return quiz.questions.map(function (q) { return q.spec.fingerprint; }).join(","); }

    var switcher = el("fieldset", null, "cc-mode");
    switcher.appendChild(el("legend", "How do you want to take the self-assessment?"));
    [["exam", "Exam mode: answer every question, then submit to see your results"],
     ["practice", "Practice mode: see feedback after each question"]].forEach(function (pair) {
      var row = el("div", null, "cc-option");
      var input = document.createElement("input");
      input.type = "radio"; input.name = quiz.id + "-mode"; input.value = pair[0];
      input.id = quiz.id + "-mode-" + pair[0];
      input.checked = pair[0] === "exam";
      var label = el("label", pair[1]);
      label.setAttribute("for", input.id);
      row.appendChild(input); row.appendChild(label);
      switcher.appendChild(row);
      input.addEventListener("change", function () { if (input.checked) { setMode(pair[0]); } });
    });
    section.insertBefore(switcher, section.firstChild);

    var submitBar = el("div", null, "cc-controls cc-submit-bar");
    var submit = makeButton("Submit all answers", true);
    var restart = makeButton("Start again");
    submitBar.appendChild(submit); submitBar.appendChild(restart);
    var status = el("p", "", "cc-submit-status");
    status.setAttribute("role", "status");
    var results = el("div", null, "cc-results");
    results.hidden = true;
    results.tabIndex = -1;
    section.insertBefore(submitBar, scoreLineOf(section));
    section.insertBefore(status, scoreLineOf(section));
    section.appendChild(results);

    function setMode(mode) {
      quiz.mode = mode;
      section.setAttribute("data-active-mode", mode);
      submitBar.hidden = mode !== "exam";
      quiz.questions.forEach(function (q) { q.setExam(mode === "exam"); });
      if (mode === "practice") { results.hidden = true; status.textContent = ""; }
      quiz.update();
    }

    function submitAll() {
      var unanswered = 0;
      quiz.questions.forEach(function (q) {
        var result = q.check(false);
        q.showResult(result);
        if (!result.answered) { unanswered += 1; }
      });
      writeRecord(submittedKey, { fingerprints: fingerprints(), time: new Date().toISOString(), quiz: quiz.id });
      status.textContent = unanswered ? unanswered + " question(s) were not answered and count as not correct." : "";
      showResults(section, quiz, results);
    }

    submit.addEventListener("click", submitAll);
    restart.addEventListener("click", function () {
      quiz.questions.forEach(function (q) { q.clear(); });
      removeRecord(submittedKey);
      results.hidden = true;
      status.textContent = "Your answers have been cleared. Start again from the first question.";
      var first = section.querySelector("form.cc-question input, form.cc-question select");
      if (first) { first.focus(); }
    });
    if (section.hasAttribute("data-draw-seed")) {
      setupDraw(section, quiz, switcher, results, status);
    }
    setMode("exam");
    var saved = readRecord(submittedKey);
    if (saved && saved.fingerprints === fingerprints()) {
      quiz.questions.forEach(function (q) { if (q.result) { q.showResult(q.result); } });
      showResults(section, quiz, results, true);
    }
  }

  function scoreLineOf(section) { return section.querySelector(".cc-score"); }

  // ---- A fresh draw: mirrors draw_questions() in compact_course/assessment.py ---------------
  function fnv1a32(text) {
    var bytes = new TextEncoder().encode(text);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0; }
    return h >>> 0;
  }

  function fmix32(h) {
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
    return h >>> 0;
  }

  function drawKey(seed, id) { return fmix32(fnv1a32(String(seed) + ":" + id)); }

  // pool: [{id, module: {id, number}}]; returns the drawn ids, modules in course order.
  function drawIds(pool, seed, perModule) {
    var modules = {}, order = [];
    pool.forEach(function (q) {
      if (!modules[q.module.id]) { modules[q.module.id] = []; order.push(q.module); }
      modules[q.module.id].push(q);
    });
    order.sort(function (a, b) { return a.number - b.number; });
    var out = [];
    order.forEach(function (module) {
      modules[module.id].map(function (q) { return { id: q.id, key: drawKey(seed, q.id) }; })
        .sort(function (a, b) { return (a.key - b.key) || (a.id < b.id ? -1 : (a.id > b.id ? 1 : 0)); })
        .slice(0, perModule).forEach(function (q) { out.push(q.id); });
    });
    return out;
  }

  function setupDraw(section, quiz, switcher, results, status) {
    var pool = quiz.questions.slice();
    var perModule = parseInt(section.getAttribute("data-draw-per-module"), 10);
    var box = el("div", null, "cc-draw");
    var label = el("label", "Seed (any whole number; the same seed always draws the same questions)");
    var input = document.createElement("input");
    input.type = "number"; input.min = "0"; input.step = "1"; input.id = quiz.id + "-seed";
    input.value = section.getAttribute("data-draw-seed");
    label.setAttribute("for", input.id);
    var button = makeButton("Draw questions", true);
    var drawn = el("p", "", "cc-draw-status");
    drawn.setAttribute("role", "status");
    box.appendChild(label); box.appendChild(input); box.appendChild(button); box.appendChild(drawn);
    switcher.parentNode.insertBefore(box, switcher.nextSibling);
    var anchor = section.querySelector(".cc-submit-bar");

    function apply(seed) {
      var ids = drawIds(pool.map(function (q) { return { id: q.spec.id, module: q.spec.module }; }), seed, perModule);
      pool.forEach(function (q) { q.form.hidden = ids.indexOf(q.spec.id) < 0; });
      quiz.questions = ids.map(function (id) { return pool.filter(function (q) { return q.spec.id === id; })[0]; });
      quiz.questions.forEach(function (q, index) {
        section.insertBefore(q.form, anchor);
        q.form.querySelector(".cc-number").textContent = "Question " + (index + 1) + " of " + ids.length;
      });
      section.setAttribute("data-drawn-seed", String(seed));
      drawn.textContent = "Drew " + ids.length + " questions with seed " + seed + ".";
    }

    button.addEventListener("click", function () {
      var seed = Number(input.value);
      if (!/^[0-9]+$/.test(input.value.trim()) || !isFinite(seed)) {
        drawn.textContent = "Enter a whole number of 0 or more as the seed.";
        input.focus();
        return;
      }
      pool.forEach(function (q) { q.clear(); });
      results.hidden = true;
      status.textContent = "";
      apply(seed);
    });
    apply(Number(section.getAttribute("data-draw-seed")));
  }

  // Per-module scores and revision advice: mirrors compact_course/assessment.py.
  function percent(correct, total) { return total ? Math.round(100 * correct / total) : 0; }

  function summarise(questions) {
    var modules = [], byModule = {}, lessons = {}, order = [];
    questions.forEach(function (q) {
      var m = q.spec.module, l = q.spec.lesson;
      if (!byModule[m.id]) {
        byModule[m.id] = { id: m.id, number: m.number, title: m.title, correct: 0, answered: 0, total: 0 };
        modules.push(byModule[m.id]);
      }
      var answered = !!q.result, right = !!(q.result && q.result.correct);
      byModule[m.id].total += 1;
      if (answered) { byModule[m.id].answered += 1; }
      if (right) { byModule[m.id].correct += 1; }
      if (!lessons[l.id]) { lessons[l.id] = { id: l.id, number: l.number, title: l.title, href: l.href, missed: 0, total: 0, questions: [] }; order.push(l.id); }
      lessons[l.id].total += 1;
      if (!right) { lessons[l.id].missed += 1; lessons[l.id].questions.push(q.spec.id); }
    });
    modules.sort(function (a, b) { return a.number - b.number; });
    modules.forEach(function (m) {
      m.percent = percent(m.correct, m.total);
      m.status = m.answered ? "attempted" : "not attempted";
    });
    var advice = order.map(function (id) { return lessons[id]; }).filter(function (l) { return l.missed > 0; });
    advice.sort(function (a, b) {
      return (b.missed - a.missed) || (b.missed / b.total - a.missed / a.total) || (a.number - b.number);
    });
    var correct = questions.filter(function (q) { return q.result && q.result.correct; }).length;
    var answered = questions.filter(function (q) { return q.result; }).length;
    return { correct: correct, answered: answered, total: questions.length, percent: percent(correct, questions.length),
      status: answered ? "attempted" : "not attempted", modules: modules, advice: advice,
      outcomes: questions.map(function (q) {
        return { question: q.spec.id, lesson: q.spec.lesson.id, module: q.spec.module.id, answered: !!q.result,
          correct: !!(q.result && q.result.correct), changed: false,
          status: q.result ? (q.result.correct ? "correct" : "incorrect") : "unanswered" };
      }) };
  }

  function moduleChart(modules) {
    var NS = "http://www.w3.org/2000/svg";
    var rowHeight = 34, labelWidth = 120, barWidth = 300, width = labelWidth + barWidth + 60;
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + (modules.length * rowHeight + 10));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Bar chart of your score per module: " + modules.map(function (m) {
      return "Module " + m.number + " " + m.percent + "%";
    }).join(", ") + ". The same figures are in the table.");
    var colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];
    modules.forEach(function (m, i) {
      var y = i * rowHeight + 5;
      var label = document.createElementNS(NS, "text");
      label.setAttribute("x", "0"); label.setAttribute("y", String(y + 20));
      label.setAttribute("fill", "currentColor");
      label.textContent = "Module " + m.number;
      var bar = document.createElementNS(NS, "rect");
      bar.setAttribute("x", String(labelWidth)); bar.setAttribute("y", String(y + 4));
      bar.setAttribute("width", String(Math.max(1, barWidth * m.percent / 100))); bar.setAttribute("height", "22");
      bar.setAttribute("fill", colours[i % colours.length]); bar.setAttribute("stroke", "currentColor");
      var value = document.createElementNS(NS, "text");
      value.setAttribute("x", String(labelWidth + barWidth * m.percent / 100 + 6)); value.setAttribute("y", String(y + 20));
      value.setAttribute("fill", "currentColor");
      value.textContent = m.percent + "%";
      svg.appendChild(label); svg.appendChild(bar); svg.appendChild(value);
    });
    return svg;
  }

  function download(name, type, text) {
    var blob = new Blob([text], { type: type });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function csvCell(value) {
    var text = String(value);
    return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // Same columns and rows as AssessmentResult.to_csv() in compact_course/assessment.py.
  function resultsCsv(summary, title) {
    var rows = [["scope", "module", "number", "title", "correct", "answered", "total", "percent", "status"]];
    summary.modules.forEach(function (m) {
      rows.push(["module", m.id, m.number, m.title, m.correct, m.answered, m.total, m.percent, m.status]);
    });
    rows.push(["overall", "", "", title, summary.correct, summary.answered, summary.total, summary.percent, summary.status]);
    return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\n") + "\n";
  }

  // Same shape as AssessmentResult.to_dict(), plus the date of the attempt.
  function resultsJson(summary, title, date) {
    return {
      format: "compact-course-assessment-results", version: 1, title: title, date: date,
      overall: { correct: summary.correct, answered: summary.answered, total: summary.total,
        percent: summary.percent, status: summary.status },
      modules: summary.modules.map(function (m) {
        return { module: m.id, number: m.number, title: m.title, correct: m.correct, answered: m.answered,
          total: m.total, percent: m.percent, status: m.status };
      }),
      questions: summary.outcomes,
      advice: summary.advice.map(function (l) {
        return { lesson: l.id, number: l.number, title: l.title, link: l.href, missed: l.missed, total: l.total,
          questions: l.questions };
      })
    };
  }

  function showResults(section, quiz, box, quiet) {
    var summary = summarise(quiz.questions);
    box.textContent = "";
    box.hidden = false;
    box.appendChild(el("h2", "Your results"));
    var when = new Date();
    box.appendChild(el("p", "Date: " + when.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }), "cc-record-date"));
    box.appendChild(el("p", summary.answered ? "Overall: " + summary.correct + " of " + summary.total + " correct (" +
      summary.percent + "%)." : "Overall: not attempted. You answered none of the " + summary.total + " questions.", "cc-overall"));
    var table = el("table", null, "cc-table cc-module-scores");
    table.appendChild(el("caption", "Score per module"));
    var head = el("tr");
    ["Module", "Correct", "Out of", "Score"].forEach(function (h) { var th = el("th", h); th.scope = "col"; head.appendChild(th); });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var tbody = el("tbody");
    summary.modules.forEach(function (m) {
      var tr = el("tr");
      var th = el("th", "Module " + m.number + ": " + m.title); th.scope = "row"; tr.appendChild(th);
      tr.appendChild(el("td", String(m.correct))); tr.appendChild(el("td", String(m.total)));
      tr.appendChild(el("td", m.answered ? m.percent + "%" : "not attempted"));
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    var figure = el("figure", null, "cc-chart");
    figure.appendChild(moduleChart(summary.modules));
    figure.appendChild(el("figcaption", "Your score per module (the table above has the same figures)."));
    box.appendChild(table);
    box.appendChild(figure);
    box.appendChild(el("h3", "What to revise"));
    if (summary.advice.length === 0) {
      box.appendChild(el("p", "You answered every question correctly. Nothing to revise."));
    } else {
      box.appendChild(el("p", "Lessons to revisit, most important first:"));
      var list = el("ol", null, "cc-advice");
      summary.advice.forEach(function (l) {
        var li = el("li");
        var a = el("a", "Lesson " + l.number + ": " + l.title);
        a.href = l.href;
        li.appendChild(a);
        li.appendChild(document.createTextNode(" (" + l.missed + " of " + l.total + " missed)"));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    var completed = lessonsCompleted();
    if (completed) {
      box.appendChild(el("h3", "Lessons completed"));
      if (completed.length) {
        var done = el("ul", null, "cc-completed");
        completed.forEach(function (l) { done.appendChild(el("li", "Lesson " + l.number + ": " + l.title)); });
        box.appendChild(done);
      } else {
        box.appendChild(el("p", "No lesson quizzes completed in this browser yet."));
      }
    }
    var actions = el("div", null, "cc-controls");
    var print = makeButton("Print record of learning");
    print.addEventListener("click", function () { window.print(); });
    var csv = makeButton("Download results (CSV)");
    var title = (section.getAttribute("aria-label") || "").replace(/^Quiz: /, "");
    csv.addEventListener("click", function () { download("compact-course-results.csv", "text/csv", resultsCsv(summary, title)); });
    var json = makeButton("Download results (JSON)");
    json.addEventListener("click", function () {
      download("compact-course-results.json", "application/json",
        JSON.stringify(resultsJson(summary, title, when.toISOString()), null, 2) + "\n");
    });
    actions.appendChild(print); actions.appendChild(csv); actions.appendChild(json);
    box.appendChild(actions);
    section.classList.add("cc-has-results");
    if (!quiet) { box.focus(); }
  }

  // ---- Progress across the course (the manifest lists every lesson's questions) -------------
  function courseManifest() { return window.CompactCourseManifest || null; }

  function contentRoot() {
    return document.documentElement.getAttribute("data-content_root") ||
      (window.DOCUMENTATION_OPTIONS && window.DOCUMENTATION_OPTIONS.URL_ROOT) || "";
  }

  function lessonStatus(manifest) {
    var rows = [];
    manifest.modules.forEach(function (module) {
      module.lessons.forEach(function (lesson) {
        var answered = 0, correct = 0, changed = 0;
        lesson.questions.forEach(function (q) {
          var record = readRecord(PREFIX + "lesson:" + q.id);
          if (!record) { return; }
          if (record.fingerprint !== q.fingerprint) { changed += 1; return; }
          answered += 1;
          if (record.correct) { correct += 1; }
        });
        var total = lesson.questions.length;
        rows.push({ module: module, lesson: lesson, answered: answered, correct: correct, total: total, changed: changed,
          status: answered === 0 ? "Not started" : (answered === total ? "Done" : "In progress") });
      });
    });
    return rows;
  }

  function lessonsCompleted() {
    var manifest = courseManifest();
    if (!manifest) { return null; }
    return lessonStatus(manifest).filter(function (r) { return r.status === "Done"; }).map(function (r) { return r.lesson; });
  }

  function unknownKeys() {
    var out = [];
    if (!storage) { return out; }
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i);
      if (key && key.indexOf(PREFIX) === 0 && !validatorFor(key)) { out.push(key); }
    }
    return out;
  }

  function exportProgress() {
    var records = {};
    var keys = [];
    for (var i = 0; i < storage.length; i++) { keys.push(storage.key(i)); }
    keys.sort().forEach(function (key) {
      if (key.indexOf(PREFIX) === 0 && validatorFor(key)) {
        var record = readRecord(key);
        if (record) { records[key] = record; }
      }
    });
    return { format: "compact-course-progress", version: 1, exported: new Date().toISOString(), records: records };
  }

  // Merge an exported file: valid records are added (the newer wins); nothing valid is removed.
  function importProgress(data) {
    if (!data || data.format !== "compact-course-progress" || data.version !== 1 || typeof data.records !== "object") {
      throw new Error("This file is not a progress export from this course.");
    }
    var added = 0, skipped = 0;
    Object.keys(data.records).forEach(function (key) {
      var record = data.records[key];
      var valid = key.indexOf(PREFIX) === 0 ? validatorFor(key) : null;
      if (!valid || !valid(record)) { skipped += 1; return; }
      var current = readRecord(key);
      if (current && current.time && record.time && current.time > record.time) { return; }
      writeRecord(key, record);
      added += 1;
    });
    return { added: added, skipped: skipped };
  }

  function setupProgressPage(container) {
    var manifest = courseManifest();
    container.textContent = "";
    if (!manifest) {
      container.appendChild(el("p", "The course's list of lessons could not be loaded, so progress cannot be shown."));
      return;
    }
    if (!storage) {
      container.appendChild(el("p", "This browser does not allow pages to save data, so no progress is recorded. " +
        "You can still take every quiz."));
      return;
    }
    var unknown = unknownKeys();
    if (unknown.length) {
      notices.push(unknown.length + " saved item(s) from another version of the course were found and left alone: " + unknown.join(", "));
    }
    var root = contentRoot();
    var rows = lessonStatus(manifest);
    var answered = rows.reduce(function (n, r) { return n + r.answered; }, 0);
    var total = rows.reduce(function (n, r) { return n + r.total; }, 0);
    var done = rows.filter(function (r) { return r.status === "Done"; }).length;
    var summary = el("p", "You have answered " + answered + " of " + total + " questions. " +
      done + " of " + rows.length + " lessons done.", "cc-progress-summary");
    summary.setAttribute("role", "status");
    container.appendChild(summary);
    manifest.modules.forEach(function (module) {
      container.appendChild(el("h2", "Module " + module.number + ": " + module.title));
      var table = el("table", null, "cc-table cc-progress-table");
      table.appendChild(el("caption", "Progress in module " + module.number));
      var head = el("tr");
      ["Lesson", "Answered", "Correct", "Status"].forEach(function (h) { var th = el("th", h); th.scope = "col"; head.appendChild(th); });
      var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
      var tbody = el("tbody");
      rows.filter(function (r) { return r.module === module; }).forEach(function (r) {
        var tr = el("tr");
        tr.setAttribute("data-lesson", r.lesson.id);
        var th = el("th"); th.scope = "row";
        var a = el("a", "Lesson " + r.lesson.number + ": " + r.lesson.title);
        a.href = root + r.lesson.href;
        th.appendChild(a);
        tr.appendChild(th);
        tr.appendChild(el("td", r.answered + " of " + r.total));
        tr.appendChild(el("td", String(r.correct)));
        var statusText = r.status + (r.changed ? " (" + r.changed + " question(s) changed since you answered)" : "");
        tr.appendChild(el("td", statusText, "cc-status"));
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);
      container.appendChild(table);
    });
    var left = rows.filter(function (r) { return r.status !== "Done"; });
    container.appendChild(el("h2", "What is left"));
    if (left.length) {
      var list = el("ul", null, "cc-left");
      left.forEach(function (r) {
        var li = el("li");
        var a = el("a", "Lesson " + r.lesson.number + ": " + r.lesson.title);
        a.href = root + r.lesson.href;
        li.appendChild(a);
        li.appendChild(document.createTextNode(" (" + r.status.toLowerCase() + ")"));
        list.appendChild(li);
      });
      container.appendChild(list);
    } else {
      container.appendChild(el("p", "Nothing: you have answered every lesson quiz. Try the self-assessment."));
    }

    container.appendChild(el("h2", "Keep, move or clear your progress"));
    var actions = el("div", null, "cc-controls");
    var exportButton = makeButton("Export progress (JSON file)");
    exportButton.addEventListener("click", function () {
      download("compact-course-progress.json", "application/json", JSON.stringify(exportProgress(), null, 2));
    });
    var importLabel = el("label", "Import progress from a file", "cc-import-label");
    importLabel.setAttribute("for", "cc-import-file");
    var importInput = document.createElement("input");
    importInput.type = "file"; importInput.id = "cc-import-file"; importInput.accept = "application/json,.json";
    var reset = makeButton("Reset progress");
    var confirmBox = el("div", null, "cc-confirm");
    confirmBox.hidden = true;
    confirmBox.appendChild(el("p", "This deletes every saved answer in this browser. It cannot be undone. Export first if you want a copy."));
    var yes = makeButton("Yes, delete my progress", true);
    var no = makeButton("Cancel");
    confirmBox.appendChild(yes); confirmBox.appendChild(no);
    var message = el("p", "", "cc-progress-message");
    message.setAttribute("role", "status");
    actions.appendChild(exportButton);
    var importRow = el("div", null, "cc-import");
    importRow.appendChild(importLabel); importRow.appendChild(importInput);
    actions.appendChild(reset);
    container.appendChild(actions);
    container.appendChild(importRow);
    container.appendChild(confirmBox);
    container.appendChild(message);

    reset.addEventListener("click", function () { confirmBox.hidden = false; yes.focus(); });
    no.addEventListener("click", function () { confirmBox.hidden = true; reset.focus(); message.textContent = "Nothing was deleted."; });
    yes.addEventListener("click", function () {
      var keys = [];
      for (var i = 0; i < storage.length; i++) { keys.push(storage.key(i)); }
      keys.forEach(function (key) { if (key.indexOf(PREFIX) === 0 && validatorFor(key)) { storage.removeItem(key); } });
      setupProgressPage(container);
      container.querySelector(".cc-progress-message").textContent = "Your progress has been deleted.";
    });
    importInput.addEventListener("change", function () {
      var file = importInput.files && importInput.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () {
        var text = String(reader.result);
        try {
          var outcome = importProgress(JSON.parse(text));
          setupProgressPage(container);
          container.querySelector(".cc-progress-message").textContent = "Imported " + outcome.added + " answer(s)" +
            (outcome.skipped ? "; " + outcome.skipped + " item(s) in the file were not valid and were skipped." : ".");
        } catch (err) {
          message.textContent = "Nothing was imported: " + (err instanceof SyntaxError ? "the file is not valid JSON." : err.message);
        }
      };
      reader.readAsText(file);
    });
    showNotices();
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
    setAsidePrefix: SET_ASIDE,
    summarise: summarise,
    drawIds: drawIds,
    drawKey: drawKey,
    fnv1a32: fnv1a32,
    exportProgress: exportProgress,
    importProgress: importProgress
  };

  function start() {
    document.querySelectorAll("section.cc-quiz").forEach(setupQuiz);
    var progress = document.getElementById("cc-progress");
    if (progress) { setupProgressPage(progress); }
    showNotices();
    document.dispatchEvent(new CustomEvent("cc-quizzes-ready"));
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
