// The embedding example's script (web/embed-example.html). Each part stands alone; copy the one
// you need. docs/embedding.md explains them.

const params = new URLSearchParams(location.search);
// Where the calculator is deployed (its dist/ directory). Default: beside this page.
const APP = new URL(params.get("app") || "./", location.href);

// The case used throughout: 施工单位偷工减料 (ZL-64), 工程合同价款 1,000 万元, 阶次 B.
const CASE = {
  items: ["ZL-64"],
  party: "legal_person",
  facts: { contract_price: "10000000" },
  tier: "B",
};

const show = (id, text) => {
  document.getElementById(id).textContent = text;
};
const range = (r) => (r ? `${r.min} – ${r.max} 元` : "（无）");

// For tests and the curious: everything received, by way.
window.embedResults = { api: null, mount: [], frame: [], frameErrors: [] };

const cailiang = await import(new URL("cailiang.js", APP).href);

// 1. The JS API ---------------------------------------------------------------------------------
async function apiDemo() {
  await cailiang.init();
  const items = cailiang.listItems();
  const result = cailiang.evaluate(CASE);
  const text = cailiang.draftText();
  show("api-status", `已加载 ${items.length} 个违法行为；结论：${result.summary}`);
  show("api-range", range(result.recommended));
  show("api-text", text.text);
  try {
    cailiang.evaluate({ ...CASE, items: ["NO-SUCH-ITEM"] });
  } catch (err) {
    // A CailiangError: err.type, err.message, err.path.
    show("api-error", `${err.type}：${err.message}（${err.path}）`);
  }
  window.embedResults.api = { result, text };
}

// 2. mount(element, options) -------------------------------------------------------------------
async function mountDemo() {
  const handle = await cailiang.mount(document.getElementById("mount-here"), {
    initialCase: CASE,
    onResult(payload) {
      window.embedResults.mount.push(payload);
      show("mount-result", `${payload.result.item.code}：${range(payload.result.recommended)}`);
    },
    onError(error) {
      show("mount-result", `${error.type}：${error.message}`);
    },
  });
  window.mountHandle = handle;
}

// 3. iframe + postMessage ----------------------------------------------------------------------
function frameDemo() {
  const frame = document.getElementById("frame-app");
  const appOrigin = APP.origin;
  const src = new URL("index.html", APP);
  // The app accepts messages from this page's origin only, and posts its results only to it.
  src.searchParams.set("allowOrigin", location.origin);

  window.addEventListener("message", (event) => {
    // Accept only the calculator's frame, from the calculator's origin.
    if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
    const msg = event.data;
    if (msg.type === "cailiang:ready") {
      frame.contentWindow.postMessage({ type: "cailiang:prefill", case: CASE }, appOrigin);
    } else if (msg.type === "cailiang:result") {
      window.embedResults.frame.push(msg);
      show("frame-result", `${msg.result.item.code}：${range(msg.result.recommended)}`);
    } else if (msg.type === "cailiang:error") {
      window.embedResults.frameErrors.push(msg.error);
      show("frame-result", `${msg.error.type}：${msg.error.message}`);
    }
  });
  frame.src = src.href;
}

const failed = (id) => (err) => {
  console.error(err);
  show(id, `出错：${err.type || err.name}：${err.message}`);
};
await apiDemo().catch(failed("api-status"));
await mountDemo().catch(failed("mount-result"));
frameDemo();
