//! The case library's IndexedDB database, `cailiang` (version 1), with two object stores of
//! JSON texts keyed by record id (see [`crate::library::snapshot`]):
//!
//! - `drafts` ([`DRAFTS`]): the calculator's latest [`crate::library::snapshot::SnapshotRef`] of
//!   each case, written by the officer's page on every change (and only written there);
//! - `cases` ([`CASES`]): the library's [`crate::library::LibraryRecord`]s, written by the 文书
//!   page (the document inputs, imports, migration, the snapshots taken in).
//!
//! Plain web-sys calls and one small future per request or transaction, so that the officer's
//! page carries only [`put`] (and what it calls). A write is done when its transaction
//! completes; a full store aborts it with `QuotaExceededError`, reported as [`StoreError::Full`].

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

/// The database's name.
pub const DB_NAME: &str = "cailiang";
/// Its version (the stores below).
pub const DB_VERSION: u32 = 1;
/// The library's records.
pub const CASES: &str = "cases";
/// The calculator's snapshots.
pub const DRAFTS: &str = "drafts";

/// Why the library could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser offers no IndexedDB here (a private window, a file:// page, a policy).
    Unavailable(String),
    /// The browser's storage for this site is full (`QuotaExceededError`).
    Full,
    /// Anything else, with the browser's message.
    Failed(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(why) => {
                write!(f, "本浏览器不能使用案件库（IndexedDB 不可用：{why}）")
            }
            StoreError::Full => {
                f.write_str("浏览器为本网站保留的存储空间已满（QuotaExceededError）")
            }
            StoreError::Failed(why) => write!(f, "案件库读写失败：{why}"),
        }
    }
}

impl StoreError {
    fn of(e: &JsValue) -> StoreError {
        match e.dyn_ref::<DomException>() {
            Some(d) if d.name() == "QuotaExceededError" => StoreError::Full,
            Some(d) => StoreError::Failed(format!("{}：{}", d.name(), d.message())),
            None => StoreError::Failed(
                e.as_string()
                    .unwrap_or_else(|| "浏览器未给出原因".to_string()),
            ),
        }
    }
}

thread_local! {
    /// The open database, once opened.
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

type Handler = Closure<dyn FnMut(web_sys::Event)>;

/// Waits for one of two events: `arm` sets the two handlers it is given (success, failure) on
/// the target, and they live until one has fired. On failure, `failure` reads the target's
/// error.
async fn settle(
    arm: impl FnOnce(&web_sys::js_sys::Function, &web_sys::js_sys::Function),
    failure: impl FnOnce() -> JsValue,
) -> Result<(), JsValue> {
    let mut handlers: Option<(Handler, Handler)> = None;
    let promise = web_sys::js_sys::Promise::new(
        &mut |resolve: web_sys::js_sys::Function, reject: web_sys::js_sys::Function| {
            let ok: Handler = Closure::new(move |_: web_sys::Event| {
                let _ = resolve.call0(&JsValue::NULL);
            });
            let fail: Handler = Closure::new(move |_: web_sys::Event| {
                let _ = reject.call0(&JsValue::NULL);
            });
            handlers = Some((ok, fail));
        },
    );
    let Some((ok, fail)) = &handlers else {
        return Err(JsValue::NULL);
    };
    arm(ok.as_ref().unchecked_ref(), fail.as_ref().unchecked_ref());
    match JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(_) => Err(failure()),
    }
}

/// Waits for a request's `success` (its result) or `error` (its error).
async fn request(req: &IdbRequest) -> Result<JsValue, StoreError> {
    let r = req.clone();
    settle(
        |ok, fail| {
            req.set_onsuccess(Some(ok));
            req.set_onerror(Some(fail));
        },
        move || {
            r.error()
                .ok()
                .flatten()
                .map_or(JsValue::NULL, JsValue::from)
        },
    )
    .await
    .map_err(|e| StoreError::of(&e))?;
    req.set_onsuccess(None);
    req.set_onerror(None);
    req.result().map_err(|e| StoreError::of(&e))
}

/// Waits for a transaction to complete, or for its abort (its error: `QuotaExceededError`
/// when the store is full).
async fn done(tx: &IdbTransaction) -> Result<(), StoreError> {
    let t = tx.clone();
    let r = settle(
        |ok, fail| {
            tx.set_oncomplete(Some(ok));
            tx.set_onabort(Some(fail));
        },
        move || t.error().map_or(JsValue::NULL, JsValue::from),
    )
    .await;
    tx.set_oncomplete(None);
    tx.set_onabort(None);
    r.map_err(|e| StoreError::of(&e))
}

/// The database, opened (and created or upgraded) once per page.
pub async fn open() -> Result<IdbDatabase, StoreError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .ok_or_else(|| StoreError::Unavailable("没有 window".to_string()))?
        .indexed_db()
        .map_err(|e| StoreError::Unavailable(StoreError::of(&e).to_string()))?
        .ok_or_else(|| StoreError::Unavailable("indexedDB 为空".to_string()))?;
    let req: IdbOpenDbRequest = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|e| StoreError::Unavailable(StoreError::of(&e).to_string()))?;
    // Creating the stores is part of the open: it runs before `success`.
    let upgrade: Handler = {
        let req = req.clone();
        Closure::new(move |_: web_sys::Event| {
            let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else {
                return;
            };
            let names = db.object_store_names();
            for store in [CASES, DRAFTS] {
                if !names.contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        })
    };
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = request(&req).await;
    req.set_onupgradeneeded(None);
    drop(upgrade);
    let db: IdbDatabase = result?
        .dyn_into()
        .map_err(|_| StoreError::Failed("打开的不是数据库".to_string()))?;
    // Another page that upgrades the database asks this one to let go.
    let close: Handler = {
        let db = db.clone();
        Closure::new(move |_: web_sys::Event| {
            db.close();
            DB.with(|d| d.borrow_mut().take());
        })
    };
    db.set_onversionchange(Some(close.as_ref().unchecked_ref()));
    close.forget();
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn transaction(
    db: &IdbDatabase,
    stores: &[&str],
    mode: IdbTransactionMode,
) -> Result<IdbTransaction, StoreError> {
    let names = web_sys::js_sys::Array::new();
    for s in stores {
        names.push(&JsValue::from_str(s));
    }
    db.transaction_with_str_sequence_and_mode(&names, mode)
        .map_err(|e| StoreError::of(&e))
}

fn store(tx: &IdbTransaction, name: &str) -> Result<IdbObjectStore, StoreError> {
    tx.object_store(name).map_err(|e| StoreError::of(&e))
}

/// Writes `value` under `key` in `store_name`; done when the transaction completes.
pub async fn put(store_name: &str, key: &str, value: &str) -> Result<(), StoreError> {
    put_all(store_name, &[(key.to_string(), value.to_string())]).await
}

/// Writes every (key, value) in one transaction: all or none.
pub async fn put_all(store_name: &str, entries: &[(String, String)]) -> Result<(), StoreError> {
    let db = open().await?;
    let tx = transaction(&db, &[store_name], IdbTransactionMode::Readwrite)?;
    let s = store(&tx, store_name)?;
    for (key, value) in entries {
        if let Err(e) = s.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key)) {
            let _ = tx.abort();
            return Err(StoreError::of(&e));
        }
    }
    done(&tx).await
}

/// Every value of `store_name` (in key order).
pub async fn get_all(store_name: &str) -> Result<Vec<String>, StoreError> {
    let db = open().await?;
    let tx = transaction(&db, &[store_name], IdbTransactionMode::Readonly)?;
    let req = store(&tx, store_name)?
        .get_all()
        .map_err(|e| StoreError::of(&e))?;
    let all = request(&req).await?;
    Ok(web_sys::js_sys::Array::from(&all)
        .iter()
        .filter_map(|v| v.as_string())
        .collect())
}

/// Deletes `key` from each of `stores`, in one transaction.
pub async fn delete(stores: &[&str], key: &str) -> Result<(), StoreError> {
    let db = open().await?;
    let tx = transaction(&db, stores, IdbTransactionMode::Readwrite)?;
    for name in stores {
        if let Err(e) = store(&tx, name)?.delete(&JsValue::from_str(key)) {
            let _ = tx.abort();
            return Err(StoreError::of(&e));
        }
    }
    done(&tx).await
}
