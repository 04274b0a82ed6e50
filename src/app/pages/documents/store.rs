//! The 文书 page's storage: the case library in IndexedDB ([`crate::app::idb`]) read, with the
//! calculator's snapshots taken in and the old LocalStorage recent-case list migrated once;
//! records written and deleted; and the LocalStorage copy of the current case's inputs.
//! Every refusal comes back as a Chinese message; what is on the page stays.

use gloo::storage::{LocalStorage, Storage};

use crate::app::idb::{self, CASES, DRAFTS, StoreError};
use crate::app::storage::{self, RECENT_KEY};
use crate::library::current::SavedInputs;
use crate::library::snapshot::load;
use crate::library::{Library, LibraryRecord, migrate};
use crate::pack::LoadedPack;

/// Set once the recent-case list has been migrated into the library.
pub const MIGRATED_KEY: &str = "cailiang.library.migrated.v1";
/// The LocalStorage copy of the current case's inputs ([`SavedInputs`]).
pub const INPUTS_KEY: &str = "cailiang.inputs.v1";

/// What the officer is told when the library refuses a write.
pub fn refused(e: &StoreError, what: &str) -> String {
    match e {
        StoreError::Full => format!(
            "案件库已满（浏览器为本网站保留的存储空间已用完），{what}未能存入案件库。当前案件及其文书信息仍保存在本浏览器中，重新加载不会丢失；请导出案件库后删除不再需要的案件，或清理浏览器存储空间。"
        ),
        other => format!("{what}未能存入案件库：{other}。当前案件及其文书信息仍保存在本浏览器中。"),
    }
}

/// The library as it loaded, and what the officer should know about it.
pub struct Opened {
    /// The library.
    pub library: Library,
    /// Messages (unreadable records, migration issues, refused writes).
    pub messages: Vec<String>,
}

fn records_json(records: &[&LibraryRecord]) -> Vec<(String, String)> {
    records
        .iter()
        .filter_map(|r| serde_json::to_string(r).ok().map(|j| (r.id.clone(), j)))
        .collect()
}

/// Reads the library, takes in the calculator's snapshots and, once, the recent-case list, and
/// writes back the records that changed.
pub async fn open_library(pack: &LoadedPack) -> Opened {
    let read = async {
        let cases = idb::get_all(CASES).await?;
        let drafts = idb::get_all(DRAFTS).await?;
        Ok::<_, StoreError>((cases, drafts))
    };
    let (cases, drafts) = match read.await {
        Ok(v) => v,
        Err(e) => {
            return Opened {
                library: Library::default(),
                messages: vec![format!("{e}。当前案件的文书信息仍保存在本浏览器中。")],
            };
        }
    };
    let loaded = load(&cases, &drafts);
    let mut library = loaded.library;
    let mut changed = loaded.changed;
    let mut messages = Vec::new();
    if loaded.unreadable > 0 {
        messages.push(format!(
            "案件库中有 {} 条记录不能读取（可能由更新版本写入），已原样保留。",
            loaded.unreadable
        ));
    }
    let store = LocalStorage::raw();
    let migrating = !matches!(store.get_item(MIGRATED_KEY), Ok(Some(_)));
    if migrating {
        if let Ok(Some(json)) = store.get_item(RECENT_KEY) {
            let m = migrate::from_recent(&json, pack, &storage::browser_id());
            for issue in &m.issues {
                messages.push(format!("迁移最近案件：{}", issue.message));
            }
            let added = library.take_migrated(m);
            if !added.is_empty() {
                messages.push(format!(
                    "已将本浏览器“最近案件”中的 {} 件案件迁入案件库。",
                    added.len()
                ));
            }
            changed.extend(added);
        }
    }
    let to_write: Vec<&LibraryRecord> = changed.iter().filter_map(|id| library.get(id)).collect();
    let written = if to_write.is_empty() {
        Ok(())
    } else {
        idb::put_all(CASES, &records_json(&to_write)).await
    };
    match written {
        Ok(()) => {
            if migrating {
                let _ = store.set_item(MIGRATED_KEY, "1");
            }
        }
        Err(e) => messages.push(refused(&e, "案件")),
    }
    Opened { library, messages }
}

/// Writes records (all or none).
pub async fn put_records(records: &[&LibraryRecord]) -> Result<(), StoreError> {
    idb::put_all(CASES, &records_json(records)).await
}

/// Deletes a record and the calculator's snapshot of it.
pub async fn delete_record(id: &str) -> Result<(), StoreError> {
    idb::delete(&[CASES, DRAFTS], id).await
}

/// The LocalStorage copy of the current case's inputs.
pub fn load_saved_inputs() -> Option<SavedInputs> {
    LocalStorage::get(INPUTS_KEY).ok()
}

/// Saves the LocalStorage copy; the browser's refusal, in Chinese.
pub fn save_inputs(saved: &SavedInputs) -> Result<(), String> {
    LocalStorage::set(INPUTS_KEY, saved).map_err(|e| format!("文书信息未能保存到浏览器：{e}"))
}
