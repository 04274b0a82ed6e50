//! The browser's clock, for the times shown beside the recent cases. Only the app reads it: the
//! form model is given the time with each action.

/// The browser's clock, in milliseconds since 1970.
pub fn now() -> f64 {
    web_sys::js_sys::Date::now()
}

/// “11-26 17:30” in the officer's time zone (the year when it is not this year's).
pub fn when(ms: f64) -> String {
    let d = web_sys::js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let this_year = web_sys::js_sys::Date::new_0().get_full_year();
    let (m, day, h, min) = (
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
    );
    if d.get_full_year() == this_year {
        format!("{m:02}-{day:02} {h:02}:{min:02}")
    } else {
        format!("{}-{m:02}-{day:02} {h:02}:{min:02}", d.get_full_year())
    }
}
