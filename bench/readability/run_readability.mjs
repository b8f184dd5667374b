// Runs Mozilla Readability (on jsdom) over the HTML files listed, one path per line, in the file
// given as the first argument, in this one process, and prints one JSON line: pages, bytes of HTML,
// the seconds of the parse-and-extract loop alone (module loading excluded), pages Readability
// found no article in, pages that threw, and characters of text extracted.
import { readFileSync } from "node:fs";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const paths = readFileSync(process.argv[2], "utf8").split("\n").filter((p) => p.length > 0);
const pages = paths.map((p) => readFileSync(p));  // read before timing: the disk is not the subject
const quiet = new VirtualConsole();  // pages' CSS and script errors are not reported
let bytes = 0, empty = 0, failed = 0, chars = 0;
const start = process.hrtime.bigint();
for (const page of pages) {
  bytes += page.length;
  try {
    // jsdom runs no scripts and fetches nothing by default.
    const dom = new JSDOM(page, { url: "http://localhost/", virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    if (article === null || !article.textContent) empty++;
    else chars += article.textContent.length;
    dom.window.close();
  } catch (e) {
    failed++;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ pages: pages.length, bytes, seconds, empty, failed, chars }));
