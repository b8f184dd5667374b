#!/usr/bin/env bash
# Writes a seed corpus for every fuzz target of tests/fuzz into OUT/<target>/ (emptied first):
#   raw_text_bodies_fuzz, clean_html_fuzz, golden/ HTML, and the first 16 KB of 150 pages of each of
#   nesting_limit_fuzz                     wcxb-dev and dragnet when CORPUS (an unpacked corpus) has them
#   clean_text_fuzz                        golden/ texts, and the first 16 KB of 100 text inputs of
#                                          cleaneval and trafilatura from CORPUS
#   jsonl_fuzz                             golden texts and pages wrapped into JSON lines, with other
#                                          fields, escapes, and records the reader must refuse
#   warc_fuzz                              small WARC files: plain and one gzip member per record, with
#                                          chunked, gzip and deflate bodies, non-HTML and cut records
#   model_fuzz                             a small model (the first tree of every ensemble of
#                                          model/default.model; its end line's hash no longer
#                                          matches, which the target mends), copies cut short or
#                                          changed in one place each, and a tree too deep to lay out
# Usage: tests/fuzz/make_seeds.sh OUT [CORPUS]. Needs python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$1
corpus=${2:-}
targets=(raw_text_bodies_fuzz nesting_limit_fuzz clean_html_fuzz clean_text_fuzz jsonl_fuzz warc_fuzz model_fuzz)
for t in "${targets[@]}"; do
  rm -rf "${out:?}/$t"
  mkdir -p "$out/$t"
done

# --- HTML and text -------------------------------------------------------------------------------
for f in golden/*/*.html; do
  cp "$f" "$out/clean_html_fuzz/golden-$(basename "$f")"
  cp "$f" "$out/raw_text_bodies_fuzz/golden-$(basename "$f")"
  cp "$f" "$out/nesting_limit_fuzz/golden-$(basename "$f")"
done
for f in golden/*/*.txt; do cp "$f" "$out/clean_text_fuzz/golden-$(basename "$f")"; done
# Corpus pages are cut to their first 16 KB: the fuzzers take inputs that long at most. (sed, not
# head, takes the first COUNT names: head would leave sort writing into a closed pipe.)
heads() {  # SET EXT COUNT TARGET...
  local set=$1 ext=$2 count=$3
  shift 3
  [ -n "$corpus" ] && [ -d "$corpus/$set" ] || return 0
  find "$corpus/$set" -maxdepth 1 -name "*.$ext" ! -name '*.gold.txt' | sort | sed -n "1,${count}p" |
    while read -r page; do
      for t in "$@"; do head -c 16384 "$page" > "$out/$t/$set-$(basename "$page")"; done
    done
}
heads wcxb-dev html 150 clean_html_fuzz raw_text_bodies_fuzz nesting_limit_fuzz
heads dragnet html 150 clean_html_fuzz raw_text_bodies_fuzz nesting_limit_fuzz
heads cleaneval txt 100 clean_text_fuzz
heads trafilatura txt 100 clean_text_fuzz

# --- JSONL, WARC, model --------------------------------------------------------------------------
python3 - "$out" <<'EOF'
import glob, gzip, json, os, re, sys, zlib

out = sys.argv[1]

def write(target, name, data):
    with open(os.path.join(out, target, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

def read(path, limit=4000):
    with open(path, "rb") as f:
        return f.read(limit).decode("utf-8", "replace")

# Text in other encodings, for the encoding detection ahead of both cleaners.
samples = {
    "windows-1252": ("cp1252", "Caf\u00e9 cr\u00e8me, d\u00e9j\u00e0 vu: the na\u00efve \u00e9l\u00e8ve\u2019s r\u00e9sum\u00e9.\n" * 8),
    "windows-1251": ("cp1251", "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440: \u044d\u0442\u043e \u0442\u0435\u0441\u0442\u043e\u0432\u0430\u044f \u0441\u0442\u0440\u043e\u043a\u0430.\n" * 8),
    "shift_jis": ("shift_jis", "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3067\u3059\u3002\u6771\u4eac\u306f\u96e8\u3067\u3059\u3002\n" * 8),
    "utf-16": ("utf-16", "UTF-16 with a byte order mark, caf\u00e9 \u65e5\u672c.\n" * 8),
}
for label, (codec, text) in samples.items():
    write("clean_text_fuzz", "encoding-%s.txt" % label, text.encode(codec))
    page = "<html><head><meta charset=\"%s\"><title>x</title></head><body><p>%s</p></body></html>" % (label, text)
    write("clean_html_fuzz", "encoding-%s.html" % label, page.encode(codec))

# JSONL: one record a file, as clean_jsonl_record sees a line.
texts = sorted(p for p in glob.glob("golden/*/*.txt") if not p.endswith(".gold.txt"))[:12]
pages = sorted(glob.glob("golden/*/*.html"))[:12]
for i, p in enumerate(texts):
    record = {"url": "https://example.org/%d" % i, "text": read(p)}
    if i % 3 == 1:
        record["meta"] = {"n": i, "tags": ["x", None, 2.5], "ok": True}
    write("jsonl_fuzz", "text-%02d.jsonl" % i, json.dumps(record, ensure_ascii=(i % 2 == 0)))
for i, p in enumerate(pages):
    record = {"id": i, "html": read(p), "text": "old text"} if i % 2 else {"html": read(p)}
    write("jsonl_fuzz", "html-%02d.jsonl" % i, json.dumps(record, ensure_ascii=(i % 2 == 1)))
for name, line in {
    "small": '{"text":"Tide tables change\\nThe harbour office published new tide tables on Monday."}',
    "escapes": '{"text":"caf\\u00e9 \\ud83d\\ude00 \\"q\\" \\\\ \\/ \\b\\f\\r\\t","clean":1}',
    "not-string": '{"text":42}',
    "no-field": '{"body":"<p>x</p>"}',
    "array": '[{"text":"a"}]',
    "broken": '{"text":"unterminated',
    "nested": '{"a":' * 40 + '1' + '}' * 40,
    "deep": '[' * 600 + ']' * 600,
}.items():
    write("jsonl_fuzz", name + ".jsonl", line)

# WARC.
page = read(pages[0], 3000) if pages else "<html><body><p>Hello from the archive.</p></body></html>"

def record(kind, uri, rid, content_type, block, extra=""):
    block = block if isinstance(block, bytes) else block.encode("utf-8")
    head = "WARC/1.0\r\nWARC-Type: %s\r\n" % kind
    if uri:
        head += "WARC-Target-URI: %s\r\n" % uri
    head += "WARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: 2024-05-01T12:00:00Z\r\n" % rid
    head += "Content-Type: %s\r\n%sContent-Length: %d\r\n\r\n" % (content_type, extra, len(block))
    return head.encode("utf-8") + block + b"\r\n\r\n"

def response(uri, rid, http, extra=""):
    return record("response", uri, rid, "application/http; msgtype=response", http, extra)

def http(body, headers="Content-Type: text/html; charset=utf-8\r\n", status="200 OK"):
    body = body if isinstance(body, bytes) else body.encode("utf-8")
    return ("HTTP/1.1 %s\r\n%s\r\n" % (status, headers)).encode("utf-8") + body

def chunked(body):
    body = body.encode("utf-8")
    return b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 700]), body[i:i + 700]) for i in range(0, len(body), 700)) + b"0\r\n\r\n"

def deflate(body):
    c = zlib.compressobj(wbits=-15)
    return c.compress(body.encode("utf-8")) + c.flush()

records = [
    record("warcinfo", "", "1", "application/warc-fields", "software: winnow-seeds\r\nformat: WARC/1.0\r\n"),
    record("request", "https://a.example/", "2", "application/http; msgtype=request", "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"),
    response("https://a.example/", "3", http(page)),
    response("https://b.example/", "4", http(chunked(page), "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n")),
    response("https://c.example/", "5", http(gzip.compress(page.encode("utf-8")), "Content-Type: text/html\r\nContent-Encoding: gzip\r\n")),
    response("https://d.example/", "6", http(deflate(page), "Content-Type: text/html\r\nContent-Encoding: deflate\r\n")),
    response("https://e.example/x.jpg", "7", http(b"\xff\xd8\xff\xe0", "Content-Type: image/jpeg\r\n")),
    response("https://f.example/", "8", http("<p>gone</p>", status="404 Not Found")),
    response("https://g.example/", "9", http(page[:200]), "WARC-Truncated: length\r\n"),
    record("metadata", "https://a.example/", "10", "application/warc-fields", "fetchTimeMs: 12\r\n"),
    response("https://i.example/", "12", http("<p>Caf\xe9 cr\xe8me, d\xe9j\xe0 vu.</p>".encode("latin-1"),
                                            "Content-Type: text/html; charset=windows-1252\r\n")),
    response("https://j.example/", "13", http("<p>\u65e5\u672c\u8a9e\u306e\u30da\u30fc\u30b8</p>".encode("shift_jis"),
                                            "Content-Type: text/html;charset=\"Shift_JIS\"\r\n")),
]
write("warc_fuzz", "plain.warc", b"".join(records))
write("warc_fuzz", "members.warc.gz", b"".join(gzip.compress(r) for r in records[:4]))
write("warc_fuzz", "one.warc.gz", gzip.compress(b"".join(records[2:6])))
write("warc_fuzz", "cut.warc", records[2] + records[3][:-40])
write("warc_fuzz", "bad-length.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12abc\r\n\r\nx")
write("warc_fuzz", "lf-only.warc", response("https://h.example/", "11", http(page[:500])).replace(b"\r\n", b"\n"))

# Model: the first tree of every ensemble keeps the file small enough to mutate.
with open("model/default.model", encoding="utf-8") as f:
    lines = f.read().split("\n")
small, trees = [], 0
for line in lines:
    if line.startswith("ensemble"):
        trees = 0
    if line == "tree":
        trees += 1
    if trees <= 1 or not (line.startswith("split") or line.startswith("leaf") or line == "tree"):
        small.append(line)
small = "\n".join(small)
write("model_fuzz", "small.model", small)
full = "\n".join(lines)
for cut in (40, 2000, 30000):
    write("model_fuzz", "cut-%d.model" % cut, full[:cut])
write("model_fuzz", "version-99.model", re.sub(r"^winnow-model \d+", "winnow-model 99", small, count=1, flags=re.M))
write("model_fuzz", "unknown-feature.model", re.sub(r"^split \S+", "split no_such_feature", small, count=1, flags=re.M))
write("model_fuzz", "back-pointer.model", re.sub(r"^(split \S+ \S+) \d+ \d+", r"\1 0 0", small, count=1, flags=re.M))
write("model_fuzz", "no-html.model", small.split("[html]")[0])
write("model_fuzz", "crlf.model", small.replace("\n", "\r\n"))
# A chain of 12 splits: deeper than kMaxLaidOutDepth, so its ensemble is scored by walking nodes.
nodes = []
for k in range(12):
    nodes.append("split log_chars 0.%02d %d %d 0.1" % (k + 1, 2 * k + 2, 2 * k + 1))  # yes: next split, no: a leaf
    nodes.append("leaf -0.2")
nodes.append("leaf 0.3")
deep = small.replace("ensemble first_pass 0\n", "ensemble first_pass 0\ntree\n" + "\n".join(nodes) + "\n", 1)
write("model_fuzz", "deep.model", deep)
EOF
for t in "${targets[@]}"; do printf '%s: %s seeds\n' "$t" "$(ls "$out/$t" | wc -l)"; done
