#!/usr/bin/env python3
"""Trunk post_build hook (Trunk.toml): finishes dist/ after Trunk has emitted the hashed files.

1. `embed-<hash>.css`: the app's stylesheet for the shadow root of mount(): `:root`, `html` and
   `body` become `.cailiang-root` (the app's container inside the shadow root, which no host
   selector can reach), that container starts from `all: initial` so that nothing the host sets
   on the mount element (font, colour, line height, even with !important) is inherited, and `rem`
   becomes px at the app's root font size (a host's root font size must not resize the app).
2. The portal build (`api.js` + `api_bg.wasm`, Trunk's un-hashed output for the `api` binary)
   renamed by content hash, and `cailiang.js`, the stable ES-module entry for portals, with
   those names and the scoped stylesheet's filled in.
3. `sw.js`: the service worker, with VERSION (a hash over every emitted file) and PRECACHE.

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


def hash_api(stage):
    """Renames Trunk's `api.js` / `api_bg.wasm` to `api-<hash>.js` / `api-<hash>_bg.wasm` (so that
    a browser or proxy never pairs an old module with a new wasm) and returns the new names."""
    js_path, wasm_path = os.path.join(stage, "api.js"), os.path.join(stage, "api_bg.wasm")
    for path in (js_path, wasm_path):
        if not os.path.isfile(path):
            fail(f"{os.path.basename(path)} is missing (index.html's rel=\"rust\" link for data-bin=\"api\")")
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    glue = read(js_path)
    digest = hashlib.sha256(wasm + glue.encode()).hexdigest()[:16]
    js_name, wasm_name = f"api-{digest}.js", f"api-{digest}_bg.wasm"
    if "'api_bg.wasm'" not in glue:
        fail("api.js does not name api_bg.wasm (wasm-bindgen output changed?)")
    write(os.path.join(stage, js_name), glue.replace("'api_bg.wasm'", f"'{wasm_name}'"))
    os.replace(wasm_path, os.path.join(stage, wasm_name))
    os.remove(js_path)
    return js_name, wasm_name


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
    js, wasm = hash_api(stage)
    css = asset(index, r'<link rel="stylesheet" href="([^"]+\.css)"', "stylesheet link")

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

    files = []
    for dirpath, dirnames, filenames in os.walk(stage):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            rel = os.path.relpath(os.path.join(dirpath, name), stage).replace(os.sep, "/")
            # The portal build is not part of the officer's app: a page of this origin that
            # imports cailiang.js has it cached by the service worker on first use.
            if rel != "sw.js" and not name.startswith(".") and not name.startswith("api-"):
                files.append(rel)
    files.sort()
    h = hashlib.sha256()
    for rel in files:
        with open(os.path.join(stage, rel), "rb") as f:
            h.update(f"{rel}\0{hashlib.sha256(f.read()).hexdigest()}\n".encode())
    version = h.hexdigest()[:16]

    sw_path = os.path.join(stage, "sw.js")
    sw = read(sw_path)
    for old, new in (
        ('const VERSION = "dev";', f"const VERSION = {json.dumps(version)};"),
        ("const PRECACHE = [];", f"const PRECACHE = {json.dumps(files, ensure_ascii=False)};"),
    ):
        if old not in sw:
            fail(f"sw.js has no line {old!r}")
        sw = sw.replace(old, new)
    write(sw_path, sw)
    print(f"postbuild: {len(files)} files precached, cache cailiang-{version}; {embed}; cailiang.js → {js}")


if __name__ == "__main__":
    main()
