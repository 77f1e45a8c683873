/* The interface's words (data/interface.yaml), which the course manifest delivers as `text`:
 * main.js hands them over once with setText; views read them with text(). fill() puts values
 * into {name} placeholders as compact_course/core/interface_models.py's fill() does, and a
 * missing value is an error, never a silent gap. A bundle loaded later (compact-pages.js) has its
 * own copy of this module, so text() falls back to the manifest itself.
 */

let current = null;

export function setText(words) { current = words; }

export function text() {
  if (!current && typeof window !== "undefined" && window.CompactCourseManifest) {
    current = window.CompactCourseManifest.text || null;
  }
  if (!current) { throw new Error("the course manifest's interface text is not loaded"); }
  return current;
}

export function fill(template, values) {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name) => {
    if (!values || !(name in values)) { throw new Error("no value for {" + name + "} in: " + template); }
    return String(values[name]);
  });
}

// A {one, other} pair chosen by count; {count} is filled in as well as `values`.
export function plural(pair, count, values) {
  return fill(count === 1 ? pair.one : pair.other, { ...(values || {}), count });
}
