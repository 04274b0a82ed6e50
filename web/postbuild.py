#!/usr/bin/env python3
"""Trunk post_build hook (Trunk.toml): finishes dist/ after Trunk has emitted the hashed files.

1. `embed-<hash>.css`: the app's stylesheet for the shadow root of mount(): `:root`, `html` and
   `body` become `.cailiang-root` (the app's container inside the shadow root, which no host
   selector can reach), that container starts from `all: initial` so that nothing the host sets
   on the mount element (font, colour, line height, even with !important) is inherited, and `rem`
   becomes px at the app's root font size (a host's root font size must not resize the app).
2. The secondary builds (index.html's `rel="rust"` links with `data-type="worker"`: the portal
   build `api`, the page modules `docs` and `tools`), whose `<bin>.js` + `<bin>_bg.wasm` Trunk
   emits un-hashed, renamed by content hash; `cailiang.js`, the stable ES-module entry for
   portals, with the `api` names and the scoped stylesheet's filled in.
3. The pages loaded on demand (every other .html whose boot.js tag has `data-cailiang-start`,
   e.g. documents.html, copied from web/): `./style.css`, `./<bin>.js` and `./<bin>_bg.wasm`
   replaced by the build's hashed names, and every file they name checked to exist.
   index.html's <meta name="cailiang-check"> (the officer's own on-demand module, which boot.js
   loads for the pack validator and 提交前自查) gets the `check` module's hashed names.
4. `sw.js`: the service worker, with VERSION (a hash over every emitted file but the portal
   build), PRECACHE (the officer's page and its files), ON_DEMAND (each page loaded on demand
   with its module, cached when first used) and MODULES (the officer's on-demand module, cached
   when first used and carried over to the next build's cache).
5. `boot.js` and `sw.js` without their comment lines: every officer downloads them on the first
   visit, and their comments are most of their size (web/ keeps the commented sources; a line
   whose first non-blank characters are `//` is dropped, so no string may span such a line).

Standard library only. Runs in TRUNK_STAGING_DIR (or the directory given as the argument).
"""
import hashlib
import json
import os
import re
import sys


def fail(msg):
    print(f"postbuild: {msg}", file=sys.stderr)
    sys.exit(1)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def asset(index, pattern, what):
    m = re.search(pattern, index)
    if not m:
        fail(f"index.html has no {what} (pattern {pattern!r})")
    return os.path.basename(m.group(1).split("?")[0])


def strip_comment_lines(path):
    """Drops the lines that hold only a `//` comment, and blank lines."""
    lines = read(path).splitlines()
    write(path, "".join(f"{line}\n" for line in lines if line.strip() and not line.lstrip().startswith("//")))


def secondary_builds(source_index):
    """The `data-bin` of every `<link data-trunk rel="rust" … data-type="worker">` in the source
    index.html: the builds Trunk emits as `<bin>.js` + `<bin>_bg.wasm` without a hash."""
    bins = []
    for tag in re.findall(r"<link\b[^>]*>", source_index, flags=re.S):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        if "data-trunk" in tag and attrs.get("rel") == "rust" and attrs.get("data-type") == "worker":
            if "data-bin" not in attrs:
                fail(f"index.html: a worker-type rust link without data-bin: {tag}")
            bins.append(attrs["data-bin"])
    return bins


def hash_module(stage, name):
    """Renames Trunk's `<name>.js` / `<name>_bg.wasm` to `<name>-<hash>.js` / `<name>-<hash>_bg.wasm`
    (so that a browser or proxy never pairs an old module with a new wasm) and returns the new
    names."""
    js_path, wasm_path = os.path.join(stage, f"{name}.js"), os.path.join(stage, f"{name}_bg.wasm")
    for path in (js_path, wasm_path):
        if not os.path.isfile(path):
            fail(f"{os.path.basename(path)} is missing (index.html's rel=\"rust\" link for data-bin=\"{name}\")")
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    glue = read(js_path)
    digest = hashlib.sha256(wasm + glue.encode()).hexdigest()[:16]
    js_name, wasm_name = f"{name}-{digest}.js", f"{name}-{digest}_bg.wasm"
    if f"'{name}_bg.wasm'" not in glue:
        fail(f"{name}.js does not name {name}_bg.wasm (wasm-bindgen output changed?)")
    write(os.path.join(stage, js_name), glue.replace(f"'{name}_bg.wasm'", f"'{wasm_name}'"))
    os.replace(wasm_path, os.path.join(stage, wasm_name))
    os.remove(js_path)
    return js_name, wasm_name


def finish_page(stage, page, renamed):
    """Fills a page loaded on demand with the hashed names (`renamed`: Trunk's name → hashed
    name) and returns the module files its boot.js tag names. Every local file the page names
    must exist."""
    path = os.path.join(stage, page)
    text = read(path)
    for old, new in renamed.items():
        text = text.replace(f'"./{old}"', f'"./{new}"')
    for ref in re.findall(r'(?:href|src|data-cailiang-js|data-cailiang-wasm)="([^"]+)"', text):
        rel = ref[2:] if ref.startswith("./") else ref
        if rel and ":" not in rel and not rel.startswith(("/", "#")) and not os.path.isfile(os.path.join(stage, rel)):
            fail(f"{page} names {ref}, which the build did not emit (a module missing from index.html?)")
    write(path, text)
    return [os.path.basename(asset(text, pattern, f"{page}: {what}"))
            for pattern, what in ((r'data-cailiang-js="([^"]+)"', "module"), (r'data-cailiang-wasm="([^"]+)"', "wasm"))]


def check_module(stage, modules):
    """The officer's own on-demand module (index.html's <meta name="cailiang-check">, which
    boot.js loads for the pack validator and 提交前自查): its hashed names filled in. Returns its
    files, or [] when index.html names none."""
    path = os.path.join(stage, "index.html")
    text = read(path)
    if 'name="cailiang-check"' not in text:
        return []
    if "check" not in modules:
        fail("index.html has <meta name=\"cailiang-check\"> but no rel=\"rust\" link for data-bin=\"check\"")
    js, wasm = modules["check"]
    for attr, old, new in (("js", "./check.js", js), ("wasm", "./check_bg.wasm", wasm)):
        key = f'data-{attr}="{old}"'
        if key not in text:
            fail(f"index.html: <meta name=\"cailiang-check\"> has no {key}")
        text = text.replace(key, f'data-{attr}="./{new}"')
    write(path, text)
    return [js, wasm]


def on_demand_pages(stage):
    """The pages loaded on demand: top-level .html files (but index.html) started by boot.js
    with an entry function of their own."""
    pages = []
    for name in sorted(os.listdir(stage)):
        if name.endswith(".html") and name != "index.html" and "data-cailiang-start=" in read(os.path.join(stage, name)):
            pages.append(name)
    return pages


def split_rules(css):
    """Yields (prelude, body, is_block) for top-level statements; nested blocks stay in body."""
    i, n, start = 0, len(css), 0
    out = []
    while i < n:
        c = css[i]
        if css.startswith("/*", i):
            j = css.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        if c in "\"'":
            j = i + 1
            while j < n and css[j] != c:
                j += 2 if css[j] == "\\" else 1
            i = j + 1
            continue
        if c == ";":
            out.append((css[start : i + 1], None))
            start = i + 1
        elif c == "{":
            depth, j = 1, i + 1
            while j < n and depth:
                if css.startswith("/*", j):
                    k = css.find("*/", j + 2)
                    j = n if k < 0 else k + 2
                    continue
                if css[j] == "{":
                    depth += 1
                elif css[j] == "}":
                    depth -= 1
                j += 1
            out.append((css[start:i], css[i + 1 : j - 1]))
            start = i = j
            continue
        i += 1
    if css[start:].strip():
        out.append((css[start:], None))
    return out


ROOT = ".cailiang-root"


def scope_selector(sel):
    """`html`, `body` and `:root` (also leading a selector such as `html body .x`) become the
    container `.cailiang-root`."""
    s = sel.strip()
    rest, matched = s, False
    while True:
        m = re.match(r"^(?:html|body|:root)(?=$|[\s>+~])\s*(.*)$", rest, re.S)
        if not m:
            break
        rest, matched = m.group(1), True
    if not matched:
        return s
    return f"{ROOT} {rest}" if rest else ROOT


def scope(css):
    parts = []
    for prelude, body in split_rules(css):
        if body is None:
            parts.append(prelude)
            continue
        head = prelude.strip()
        lead = prelude[: len(prelude) - len(prelude.lstrip())]
        if head.startswith("@"):
            inner = scope(body) if head.startswith(("@media", "@supports", "@layer", "@container")) else body
            parts.append(f"{lead}{head} {{{inner}}}")
            continue
        comments = "".join(re.findall(r"/\*.*?\*/\s*", head, flags=re.S))
        head = re.sub(r"/\*.*?\*/", "", head, flags=re.S).strip()
        sels = []
        for s in head.split(","):
            t = scope_selector(s)
            if t not in sels:
                sels.append(t)
        parts.append(f"{lead}{comments}{', '.join(sels)} {{{body}}}")
    return "".join(parts)


def root_font_px(css):
    for prelude, body in split_rules(css):
        if body is None:
            continue
        sels = {s.strip() for s in prelude.split(",")}
        if sels & {"html", ":root"}:
            m = re.search(r"font-size\s*:\s*([\d.]+)px", body)
            if m:
                return float(m.group(1))
    return 16.0


def rem_to_px(css, px):
    def conv(m):
        v = float(m.group(1)) * px
        text = f"{v:.4f}".rstrip("0").rstrip(".")
        return f"{text}px"

    return re.sub(r"(?<![\w.-])(-?\d*\.?\d+)rem\b", conv, css)


def embed_css(style):
    px = root_font_px(style)
    scoped = rem_to_px(scope(style), px)
    head = (
        "/* 裁量基准计算器 — the app's stylesheet scoped to the shadow root of mount(); generated by\n"
        "   web/postbuild.py from web/style.css. */\n"
        ":host { display: block; }\n"
        ":host([hidden]) { display: none; }\n"
        f"{ROOT} {{ all: initial; display: block; }}\n"
    )
    return head + scoped


def main():
    stage = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else None)
    if not stage or not os.path.isdir(stage):
        fail("TRUNK_STAGING_DIR is not set (run through trunk build) and no directory was given")
    index = read(os.path.join(stage, "index.html"))
    source_index = read(os.environ.get("TRUNK_HTML_FILE") or "index.html")
    css = asset(index, r'<link rel="stylesheet" href="([^"]+\.css)"', "stylesheet link")

    renamed = {"style.css": css}
    modules = {}
    for name in secondary_builds(source_index):
        js, wasm = hash_module(stage, name)
        modules[name] = (js, wasm)
        renamed[f"{name}.js"], renamed[f"{name}_bg.wasm"] = js, wasm
    if "api" not in modules:
        fail("index.html has no rel=\"rust\" link for data-bin=\"api\" (the portal build cailiang.js loads)")
    js, wasm = modules["api"]

    style = read(os.path.join(stage, css))
    scoped = embed_css(style)
    embed = f"embed-{hashlib.sha256(scoped.encode()).hexdigest()[:16]}.css"
    write(os.path.join(stage, embed), scoped)

    entry = os.path.join(stage, "cailiang.js")
    text = read(entry)
    for key, value in (("__CAILIANG_JS__", js), ("__CAILIANG_WASM__", wasm), ("__CAILIANG_EMBED_CSS__", embed)):
        if key not in text:
            fail(f"cailiang.js has no {key}")
        text = text.replace(key, value)
    write(entry, text)

    on_demand = {page: finish_page(stage, page, renamed) for page in on_demand_pages(stage)}
    officer_modules = {"check": check_module(stage, modules)} if "check" in modules else {}
    strip_comment_lines(os.path.join(stage, "boot.js"))
    # Not precached: the portal build (a page of this origin that imports cailiang.js has it
    # cached by the service worker on first use), and the pages loaded on demand with their
    # modules (ON_DEMAND: cached when first used, so that the officer's first visit does not
    # download them).
    secondary = {f for pair in modules.values() for f in pair}
    later = set(on_demand) | {f for files in on_demand.values() for f in files}
    files, versioned = [], []
    for dirpath, dirnames, filenames in os.walk(stage):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            rel = os.path.relpath(os.path.join(dirpath, name), stage).replace(os.sep, "/")
            if rel == "sw.js" or name.startswith(".") or name.startswith("api-"):
                continue
            versioned.append(rel)
            if rel not in later and rel not in secondary:
                files.append(rel)
    files.sort()
    versioned.sort()
    # VERSION covers the pages loaded on demand too: a new module gives a new cache, so that the
    # old one (with the old module) is deleted.
    h = hashlib.sha256()
    for rel in versioned:
        with open(os.path.join(stage, rel), "rb") as f:
            h.update(f"{rel}\0{hashlib.sha256(f.read()).hexdigest()}\n".encode())
    version = h.hexdigest()[:16]

    sw_path = os.path.join(stage, "sw.js")
    sw = read(sw_path)
    for old, new in (
        ('const VERSION = "dev";', f"const VERSION = {json.dumps(version)};"),
        ("const PRECACHE = [];", f"const PRECACHE = {json.dumps(files, ensure_ascii=False)};"),
        ("const ON_DEMAND = {};", f"const ON_DEMAND = {json.dumps(on_demand, ensure_ascii=False, sort_keys=True)};"),
        ("const MODULES = {};", f"const MODULES = {json.dumps(officer_modules, sort_keys=True)};"),
    ):
        if old not in sw:
            fail(f"sw.js has no line {old!r}")
        sw = sw.replace(old, new)
    write(sw_path, sw)
    strip_comment_lines(sw_path)
    pages = ", ".join(f"{p} → {f[0]}" for p, f in on_demand.items())
    print(f"postbuild: {len(files)} files precached, cache cailiang-{version}; {embed}; cailiang.js → {js}; on demand: {pages}")


if __name__ == "__main__":
    main()
