// Bundle the quiz script's ES modules into the one file the Sphinx extension ships.
//   node scripts/bundle.mjs           write src/compact_course/static/compact-quiz.js (npm run build)
//   node scripts/bundle.mjs --check   fail if the committed bundle differs from its sources (npm run check)
// The bundle is committed so that installing the Python package needs no Node. esbuild's output
// is deterministic for a given version (pinned exactly in package.json), and no source map is made.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const entry = "src/compact_course/static/src/main.js";
const outfile = "src/compact_course/static/compact-quiz.js";
const banner =
  "/* Compact course quizzes. Built from src/compact_course/static/src/*.js by `npm run build`: edit those, not this file. */";

const result = await build({
  absWorkingDir: root,
  entryPoints: [entry],
  bundle: true,
  format: "iife",
  target: "es2019",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  charset: "utf8",
  banner: { js: banner },
  write: false,
  logLevel: "warning",
});
const built = result.outputFiles[0].text;
const path = `${root}${outfile}`;

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(path, "utf8");
  } catch {
    committed = "";
  }
  if (committed !== built) {
    console.error(
      `${outfile} is out of date with its sources in src/compact_course/static/src/.\n` +
        "Run `npm run build` and commit the result.",
    );
    process.exit(1);
  }
  console.log(`${outfile} matches its sources.`);
} else {
  await writeFile(path, built, "utf8");
  console.log(`wrote ${outfile} (${built.length} characters)`);
}
