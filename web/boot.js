// Starts a page of the app: the officer's (index.html) or one loaded on demand (documents.html,
// import.html, review.html). This file is each page's only script (no inline script), so the
// pages run under a Content-Security-Policy of `script-src 'self' 'wasm-unsafe-eval'`.
//
// The tag names the wasm-bindgen module, its wasm and the entry function to call:
//   <script type="module" src="./boot.js" data-cailiang-js="./app-….js"
//           data-cailiang-wasm="./app-…_bg.wasm" data-cailiang-start="startPage"></script>
// On index.html Trunk's `pattern_script` (Trunk.toml) writes the tag (without data-cailiang-start:
// `startPage`); on the other pages web/postbuild.py fills in the hashed names. The wasm module
// does nothing when loaded; the entry renders the page (`startPage`, with `?allowOrigin=…`, the
// app in iframe mode). `?no-sw` skips the service worker.

const tag = document.querySelector("script[data-cailiang-js]");
const here = new URL(".", tag ? tag.src : document.baseURI);
const entry = (tag && tag.dataset.cailiangStart) || "startPage";

function failed(err) {
  console.error("裁量基准计算器无法启动：", err);
  const root = document.getElementById("app") || document.body;
  const p = document.createElement("p");
  p.className = "loading";
  p.setAttribute("role", "alert");
  p.textContent =
    "裁量基准计算器无法启动：本浏览器可能不支持 WebAssembly，或文件未能完整下载。请使用新版 Chrome、Edge 或 Firefox 并重新加载。";
  root.replaceChildren(p);
}

async function start() {
  const mod = await import(new URL(tag.dataset.cailiangJs, here).href);
  await mod.default({ module_or_path: new URL(tag.dataset.cailiangWasm, here) });
  // For scripts on the page (and tests): the module's exports (on index.html, the same API as
  // cailiang.js).
  window.cailiang = mod;
  if (typeof mod[entry] !== "function") throw new Error(`模块没有入口函数 ${entry}`);
  mod[entry]();
  document.documentElement.dataset.cailiangReady = "true";
  dispatchEvent(new CustomEvent("cailiang:started"));
}

function registerWorker() {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  if (new URLSearchParams(location.search).has("no-sw")) return;
  navigator.serviceWorker
    .register(new URL("sw.js", here), { scope: here.pathname })
    .catch((err) => console.warn("离线缓存（service worker）未能注册：", err));
  // A page loaded on demand is cached when it is used (sw.js). On the first visit to this site
  // the worker starts only after the page has fetched its files: ask it to keep them.
  if (entry !== "startPage" && !navigator.serviceWorker.controller) {
    const page = location.pathname.slice(here.pathname.length) || "index.html";
    navigator.serviceWorker.ready
      .then((reg) => reg.active && reg.active.postMessage({ type: "cailiang:keep-page", page }))
      .catch(() => {});
  }
}

// The officer's own on-demand module, `check` (src/bin/check.rs: the pack validator and
// 提交前自查), named by index.html's <meta name="cailiang-check"> (web/postbuild.py fills in the
// hashed names): loaded once, the first time the page needs it, never in its first load.
let checkModule = null;
function loadCheck() {
  if (!checkModule) {
    const meta = document.querySelector('meta[name="cailiang-check"]');
    checkModule = (async () => {
      if (!meta) throw new Error("本页面没有校验模块");
      const mod = await import(new URL(meta.dataset.js, here).href);
      await mod.default({ module_or_path: new URL(meta.dataset.wasm, here) });
      return mod;
    })();
    // A module that did not load (offline, never cached) is tried again next time.
    checkModule.catch(() => (checkModule = null));
  }
  return checkModule;
}

// The officer's page validates a pack file the officer loads (or one saved by another build)
// in the check module: src/app/pack_check.rs calls this and takes the pack on its answer only.
window.cailiangValidatePack = async (file, text) => (await loadCheck()).validatePack(file, text);

// 提交前自查 on the officer's page: the first click loads the check module and calls its
// `startSelfCheck`, which renders the panel into #self-check; later clicks show the panel again
// and tell it to check the case again.
let selfCheck = null;
async function openSelfCheck() {
  const root = document.getElementById("self-check");
  if (!root) return;
  root.hidden = false;
  if (selfCheck) {
    await selfCheck;
    document.dispatchEvent(new Event("cailiang:self-check"));
    return;
  }
  selfCheck = loadCheck().then((mod) => mod.startSelfCheck());
  try {
    await selfCheck;
  } catch (err) {
    selfCheck = null;
    console.error("提交前自查无法加载：", err);
    root.textContent = "提交前自查未能加载：离线时需先在联网状态下打开过一次。";
  }
}
document.getElementById("self-check-open")?.addEventListener("click", openSelfCheck);

// In iframe mode (`?allowOrigin=…`) the page's links would take the frame away from its host.
if (new URLSearchParams(location.search).has("allowOrigin")) document.getElementById("site-nav")?.remove();
registerWorker();
start().catch(failed);
