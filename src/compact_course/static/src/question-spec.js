/* Each question's data, from its quiz's data block (<script type="application/json"
 * class="cc-quiz-data">, written by compact_course.quiz.data.quiz_data), never from labels or
 * markup. The block gives {quiz, mode, store, questions: [{id, type, fingerprint, lesson,
 * choices, items, explanation, hint, more}]}; the lesson and module are completed from the
 * course manifest (number, title, address), as the results and progress pages need them.
 */

export const DATA_SELECTOR = "script.cc-quiz-data";

function lessonOf(manifest, lessonId, root) {
  for (const module of (manifest && manifest.modules) || []) {
    for (const lesson of module.lessons) {
      if (lesson.id === lessonId) {
        return { lesson: { id: lesson.id, number: lesson.number, title: lesson.title, href: root + lesson.href },
          module: { id: module.id, number: module.number, title: module.title } };
      }
    }
  }
  return { lesson: { id: lessonId }, module: { id: "" } };
}

// The question's spec as scoring, question state and results use it.
export function specOf(question, manifest, root) {
  const place = lessonOf(manifest, question.lesson, root);
  return { ...question, lesson: place.lesson, module: place.module };
}

// A quiz section's data: {quiz, mode, store, specs: {question id: spec}}.
export function readQuizData(section, manifest, root) {
  const block = section.querySelector(DATA_SELECTOR);
  const data = JSON.parse(block.textContent);
  const specs = {};
  data.questions.forEach((question) => { specs[question.id] = specOf(question, manifest, root); });
  return { quiz: data.quiz, mode: data.mode, store: data.store, specs };
}

// The question a form shows: its data-question, or its id when that is the question's.
export function questionIdOf(form) {
  return form.getAttribute("data-question") || form.id;
}
