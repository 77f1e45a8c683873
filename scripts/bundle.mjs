// Bundle the quiz script's ES modules into the files the Sphinx extension ships.
//   node scripts/bundle.mjs           write the bundles in src/compact_course/static/ (npm run build)
//   node scripts/bundle.mjs --check   fail if a committed bundle differs from its sources (npm run check)
// A lesson page loads only compact-quiz.js; it loads the others itself where they are needed
// (see src/compact_course/static/src/main.js), so a learner's page carries no facilitator or
// LMS code. The bundles are committed so that installing the Python package needs no Node.
// esbuild's output is deterministic for a given version (pinned exactly in package.json), and
// no source map is made.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const sources = "src/compact_course/static/src/";
const BUNDLES = [
  { entry: "main.js", outfile: "compact-quiz.js", what: "quizzes and progress on every page" },
  { entry: "pages-start.js", outfile: "compact-pages.js", what: "the self-assessment and My progress pages" },
  { entry: "presenter-start.js", outfile: "compact-present.js", what: "the presenter view and the room poll" },
  { entry: "scorm-start.js", outfile: "compact-scorm.js", what: "the SCORM launch page" },
  // An ES module: anywidget's front end in a live kernel (compact_course.quiz.widget), not a book page.
  { entry: "widget.js", outfile: "compact-widget.js", what: "the live widgets (anywidget)", format: "esm" },
];

async function bundled({ entry, outfile, what, format }) {
  const banner = `/* Compact course: ${what}. Built from src/compact_course/static/src/*.js by \`npm run build\`: edit those, not this file. */`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: [sources + entry],
    bundle: true,
    format: format || "iife",
    target: "es2019",
    minify: true,
    sourcemap: false,
    legalComments: "none",
    charset: "utf8",
    banner: { js: banner },
    write: false,
    logLevel: "warning",
  });
  return result.outputFiles[0].text;
}

const check = process.argv.includes("--check");
let stale = 0;
for (const bundle of BUNDLES) {
  const built = await bundled(bundle);
  const relative = `src/compact_course/static/${bundle.outfile}`;
  const path = `${root}${relative}`;
  if (check) {
    let committed = "";
    try {
      committed = readFileSync(path, "utf8");
    } catch {
      committed = "";
    }
    if (committed !== built) {
      console.error(`${relative} is out of date with its sources in ${sources}.`);
      stale += 1;
    } else {
      console.log(`${relative} matches its sources.`);
    }
  } else {
    await writeFile(path, built, "utf8");
    console.log(`wrote ${relative} (${built.length} characters)`);
  }
}
if (stale) {
  console.error("Run `npm run build` and commit the result.");
  process.exit(1);
}
