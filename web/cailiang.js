// cailiang.js — the 裁量基准计算器 as an ES module for portals (see docs/embedding.md).
//
//   import { init, evaluate, mount } from "https://your.host/cailiang/cailiang.js";
//   await init();
//   const result = evaluate({ items: ["ZL-64"], party: "legal_person", tier: "B",
//                             facts: { contract_price: "10000000" } });
//
// This file keeps one URL from build to build; `web/postbuild.py` (a Trunk hook) fills in the
// content-hashed names of the wasm-bindgen module, the wasm and the scoped stylesheet below.
// Types: cailiang.d.ts beside this file.

import wasmInit, * as wasm from "./__CAILIANG_JS__";

const WASM_URL = new URL("./__CAILIANG_WASM__", import.meta.url);
const EMBED_CSS_URL = new URL("./__CAILIANG_EMBED_CSS__", import.meta.url);

let loading = null;
let ready = false;

function cailiangError(type, message, extra = {}) {
  const e = new Error(message);
  e.name = "CailiangError";
  e.type = type;
  Object.assign(e, extra);
  return e;
}

function needInit() {
  if (!ready) throw cailiangError("not_initialized", "请先调用并等待 init()");
}

/** Loads the wasm (once). `options.module_or_path` overrides where the wasm comes from. */
export function init(options = {}) {
  if (!loading) {
    loading = wasmInit({ module_or_path: options.module_or_path ?? WASM_URL }).then(() => {
      ready = true;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** Loads a pack (JSON text or object) for later `evaluate` calls; returns its summary. */
export function loadPack(json, file) {
  needInit();
  return wasm.loadPack(json, file);
}

/** Fetches a pack by URL and loads it. */
export async function loadPackUrl(url) {
  await init();
  return loadPack(await fetchText(url), String(url));
}

/** The active pack's summary. */
export function packInfo() {
  needInit();
  return wasm.packInfo();
}

/** Back to the embedded national reference pack. */
export function resetPack() {
  needInit();
  wasm.resetPack();
}

/** The active pack's items. */
export function listItems() {
  needInit();
  return wasm.listItems();
}

/** Evaluates a case (object or JSON text); returns the result object. */
export function evaluate(caseJson) {
  needInit();
  return wasm.evaluate(caseJson);
}

/** The 说理 text: `draftText()` for the last `evaluate`, or `draftText({case, result})`. */
export function draftText(arg) {
  needInit();
  return wasm.draftText(arg);
}

/** The engine version. */
export function engineVersion() {
  needInit();
  return wasm.engineVersion();
}

async function fetchText(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw cailiangError("fetch", `无法下载基准文件 ${url}：${err.message}`, { file: String(url) });
  }
  if (!response.ok) {
    throw cailiangError("fetch", `无法下载基准文件 ${url}：HTTP ${response.status}`, {
      file: String(url),
    });
  }
  return response.text();
}

/**
 * Renders the officer's app into `element` (inside a shadow root with the app's own styles).
 * options: packUrl | pack (+ packFile), initialCase, onResult({case, result, text, text_edited}),
 * onError(error). Returns a handle with prefill(case), select(item), unmount() and shadowRoot.
 */
export async function mount(element, options = {}) {
  await init();
  const opts = { cssUrl: EMBED_CSS_URL.href, ...options };
  if (options.packUrl && options.pack === undefined) {
    opts.pack = await fetchText(options.packUrl);
    opts.packFile = options.packFile ?? String(options.packUrl);
  }
  delete opts.packUrl;
  return wasm.mount(element, opts);
}

/** The URL of the app for an iframe that accepts messages from (and posts results to) `origin`. */
export function frameUrl(origin = location.origin) {
  const url = new URL("./index.html", import.meta.url);
  url.searchParams.set("allowOrigin", origin);
  return url.href;
}
