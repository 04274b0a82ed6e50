//! Calendar dates as the case gives them. The engine never reads the clock: every date it uses
//! comes from the case, so the same case always gives the same result.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A date (YYYY-MM-DD), proleptic Gregorian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

impl Date {
    /// A valid date, or None.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !crate::limits::YEARS.contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Month, 1–12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// Day of the month, 1–31.
    pub fn day(self) -> u32 {
        self.day
    }

    /// The same day `n` years later. 29 February becomes 28 February in a common year, so that
    /// a period of years never ends later than the calendar allows.
    pub fn add_years(self, n: i32) -> Option<Date> {
        let y = self.year.checked_add(n)?;
        let d = self.day.min(days_in_month(y, self.month));
        Date::new(y, self.month, d)
    }

    /// The same day `n` months later (the last day of a shorter month: 31 January + 1 month is
    /// 28 or 29 February).
    pub fn add_months(self, n: i32) -> Option<Date> {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(n);
        let y = i32::try_from(total.div_euclid(12)).ok()?;
        let m = u32::try_from(total.rem_euclid(12) + 1).ok()?;
        Date::new(y, m, self.day.min(days_in_month(y, m)))
    }

    /// Days since 0001-01-01 (day 0), for differences between dates.
    pub fn day_number(self) -> i64 {
        let y = i64::from(self.year) - 1;
        let mut days = y * 365 + y / 4 - y / 100 + y / 400;
        for m in 1..self.month {
            days += i64::from(days_in_month(self.year, m));
        }
        days + i64::from(self.day) - 1
    }

    /// The date `n` days later (or earlier, for a negative `n`).
    pub fn add_days(self, n: i64) -> Option<Date> {
        let target = self.day_number().checked_add(n)?;
        // Estimate the year, then correct it.
        let mut y = i32::try_from(target / 366 + 1).ok()?;
        loop {
            let start = Date::new(y, 1, 1)?.day_number();
            let len = if is_leap(y) { 366 } else { 365 };
            if target < start {
                y -= 1;
            } else if target >= start + len {
                y += 1;
            } else {
                let mut left = target - start;
                for m in 1..=12 {
                    let dm = i64::from(days_in_month(y, m));
                    if left < dm {
                        return Date::new(y, m, u32::try_from(left + 1).ok()?);
                    }
                    left -= dm;
                }
                return None;
            }
        }
    }

    /// Whole months from `self` to `later` (0 if `later` is earlier): a month counts once the
    /// same day of the month is reached.
    pub fn months_until(self, later: Date) -> i64 {
        let mut n = (i64::from(later.year) - i64::from(self.year)) * 12 + i64::from(later.month)
            - i64::from(self.month);
        if n > 0 && self.add_months(n as i32).is_some_and(|d| d > later) {
            n -= 1;
        }
        n.max(0)
    }

    /// Chinese form for documents: 2026年11月26日.
    pub fn chinese(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("“{s}”不是有效日期（应为 YYYY-MM-DD）");
        let mut parts = s.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        // Digits only: integer parsing would also take a sign ("+999-01-01", "2024-+1-01").
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
            return Err(bad());
        }
        let y = y.parse::<i32>().map_err(|_| bad())?;
        let m = m.parse::<u32>().map_err(|_| bad())?;
        let d = d.parse::<u32>().map_err(|_| bad())?;
        Date::new(y, m, d).ok_or_else(bad)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor rather than String::deserialize and parse: serde_json then places the error
        // at the date itself, so the JSON path names it even as an object's last field.
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("日期字符串 YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
                s.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "日期 YYYY-MM-DD",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        let d: Date = "2024-02-29".parse().unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2023-13-01".parse::<Date>().is_err());
        assert!("2023-1-01".parse::<Date>().is_err());
        assert!("".parse::<Date>().is_err());
        assert_eq!(d.add_years(2).unwrap().to_string(), "2026-02-28");
        assert_eq!(d.chinese(), "2024年2月29日");
        assert!("2024-01-31".parse::<Date>().unwrap() < d);
    }

    #[test]
    fn day_arithmetic() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(
            d("2024-03-01").day_number() - d("2024-02-28").day_number(),
            2
        );
        assert_eq!(
            d("2023-03-01").day_number() - d("2023-02-28").day_number(),
            1
        );
        assert_eq!(d("0001-01-01").day_number(), 0);
        for s in [
            "2024-02-29",
            "2000-12-31",
            "1999-01-01",
            "9998-01-01",
            "0001-01-01",
        ] {
            let x = d(s);
            assert_eq!(x.add_days(0), Some(x));
            assert_eq!(
                x.add_days(400).map(|y| y.day_number()),
                Some(x.day_number() + 400)
            );
        }
        assert_eq!(
            d("2024-01-31").add_days(30).unwrap().to_string(),
            "2024-03-01"
        );
        assert_eq!(
            d("2024-01-31").add_months(1).unwrap().to_string(),
            "2024-02-29"
        );
        assert_eq!(
            d("2024-12-15").add_months(2).unwrap().to_string(),
            "2025-02-15"
        );
        assert_eq!(d("2024-01-15").months_until(d("2024-03-14")), 1);
        assert_eq!(d("2024-01-15").months_until(d("2024-03-15")), 2);
        assert_eq!(d("2024-03-15").months_until(d("2024-01-15")), 0);
        assert!(d("9999-12-31").add_days(1).is_none());
    }
}
