// Starts the officer's app. This file is the page's only script (no inline script), so the page
// runs under a Content-Security-Policy of `script-src 'self' 'wasm-unsafe-eval'`.
//
// Trunk's `pattern_script` (Trunk.toml) puts the hashed file names on this script's tag:
//   <script type="module" src="./boot.js" data-cailiang-js="./app-….js"
//           data-cailiang-wasm="./app-…_bg.wasm"></script>
// The wasm module does nothing when loaded; `startPage()` renders the app (or, with
// `?allowOrigin=…`, the app in iframe mode). `?no-sw` skips the service worker.

const tag = document.querySelector("script[data-cailiang-js]");
const here = new URL(".", tag ? tag.src : document.baseURI);

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
  // For scripts on the page (and tests): the same API as cailiang.js.
  window.cailiang = mod;
  mod.startPage();
  document.documentElement.dataset.cailiangReady = "true";
  dispatchEvent(new CustomEvent("cailiang:started"));
}

function registerWorker() {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  if (new URLSearchParams(location.search).has("no-sw")) return;
  navigator.serviceWorker
    .register(new URL("sw.js", here), { scope: here.pathname })
    .catch((err) => console.warn("离线缓存（service worker）未能注册：", err));
}

registerWorker();
start().catch(failed);
