//! How many rows the page reviews between two paints: as many as fit in a time slice, measured
//! on the last chunk, so that a slow machine gets small chunks (the page stays responsive) and
//! a fast one few interruptions. The clock is the caller's (the browser's); nothing here reads
//! one.

/// The chunk size, adjusted to the time each chunk took.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    /// The time a chunk should take, in milliseconds.
    pub slice_ms: f64,
    /// Rows in the next chunk.
    pub rows: usize,
}

/// The smallest chunk.
pub const MIN_ROWS: usize = 16;
/// The largest chunk.
pub const MAX_ROWS: usize = 20_000;

impl Default for Pace {
    fn default() -> Self {
        Pace {
            slice_ms: 40.0,
            rows: 200,
        }
    }
}

impl Pace {
    /// After a chunk of `rows` rows took `ms` milliseconds: the size of the next, aiming at the
    /// slice, growing at most fourfold and shrinking at most to a quarter at a time.
    pub fn after(&mut self, rows: usize, ms: f64) -> usize {
        let rows = rows.max(1) as f64;
        let next = if ms.is_finite() && ms > 0.0 {
            (rows * self.slice_ms / ms).clamp(rows / 4.0, rows * 4.0)
        } else {
            rows * 4.0
        };
        // A float only for the clock's milliseconds, never for money.
        self.rows = (next as usize).clamp(MIN_ROWS, MAX_ROWS);
        self.rows
    }
}

/// “12,345 件/秒” for `rows` in `ms` milliseconds; None for too short a time to tell.
pub fn rate_words(rows: u64, ms: f64) -> Option<String> {
    if !(ms.is_finite() && ms >= 1.0) {
        return None;
    }
    let per_s = (rows as f64 * 1000.0 / ms).round() as u64;
    Some(format!(
        "{} 件/秒",
        crate::wording::yuan(rust_decimal::Decimal::from(per_s))
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chunk_follows_the_time_a_chunk_takes() {
        let mut p = Pace::default();
        // Fast: grows, but at most fourfold a step, up to the ceiling.
        assert_eq!(p.after(200, 1.0), 800);
        assert_eq!(p.after(800, 10.0), 3200);
        for _ in 0..10 {
            p.after(p.rows, 1.0);
        }
        assert_eq!(p.rows, MAX_ROWS);
        // Slow: shrinks to a quarter at most, down to the floor.
        assert_eq!(p.after(20_000, 400.0), 5000);
        assert_eq!(p.after(5000, 1.0e6), 1250);
        for _ in 0..10 {
            p.after(p.rows, 1.0e6);
        }
        assert_eq!(p.rows, MIN_ROWS);
        // On the slice: stays.
        assert_eq!(p.after(1000, 40.0), 1000);
        // A clock that says nothing (0, NaN) is taken as fast.
        assert_eq!(p.after(100, 0.0), 400);
        assert_eq!(p.after(100, f64::NAN), 400);
    }

    #[test]
    fn the_rate_is_in_cases_per_second() {
        assert_eq!(rate_words(50_000, 2000.0).as_deref(), Some("25,000 件/秒"));
        assert_eq!(rate_words(10, 0.2), None);
    }
}
