/* One quiz section: its questions, the score line, and (for the self-assessment) exam mode. */

import { setupQuestion } from "./question.js";
import { questionIdOf, readQuizData } from "./question-spec.js";
import { quizTally } from "./results.js";
import { fill, text } from "./text.js";

// services: {store, manifest, root, completedLessons, setupAssessment (from compact-pages.js), onChange
// (optional: told after every change, as the live widget is)}; see main.js and widget.js.
export function setupQuiz(section, services) {
  const quiz = { mode: section.getAttribute("data-mode") || "practice", questions: [],
    id: section.getAttribute("data-quiz") };
  const scoreLine = section.querySelector(".cc-score");
  quiz.update = () => {
    if (services.onChange) { services.onChange(quiz); }  // a live kernel's widget syncs its traits
    if (quiz.mode === "exam") { return; }  // exam mode gives no score until the results
    const tally = quizTally(quiz.questions);
    const words = text().question;
    scoreLine.textContent = tally.answered === tally.total
      ? fill(words.score, tally) + " " + fill(words.first_score, tally.first)
      : "";
  };
  const data = readQuizData(section, services.manifest, services.root);
  const page = { tools: section.querySelector("template.cc-tools"), storeName: data.store };
  section.querySelectorAll("form.cc-question").forEach((form) => {
    quiz.questions.push(setupQuestion(form, data.specs[questionIdOf(form)], quiz, services.store, page));
  });
  if (section.getAttribute("data-mode") === "exam" && services.setupAssessment) {
    services.setupAssessment(section, quiz, services);
  }
  quiz.update();
  return quiz;
}
