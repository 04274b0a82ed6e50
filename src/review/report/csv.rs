//! The findings as CSV: UTF-8 with a byte-order mark (so that Excel opens it as UTF-8), RFC 4180
//! quoting, and no cell that a spreadsheet would run as a formula.

use std::io::{self, Write};

use super::COLUMNS;

/// One field, quoted where needed. A field that starts like a formula (=, +, -, @, tab, CR) gets
/// a leading apostrophe: case text is untrusted, and a spreadsheet must not run it.
pub fn field(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Writes findings rows as they come.
pub struct CsvWriter<W: Write> {
    out: W,
}

impl<W: Write> CsvWriter<W> {
    /// Starts the file: the byte-order mark and the header.
    pub fn new(mut out: W) -> io::Result<CsvWriter<W>> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut w = CsvWriter { out };
        w.row(&COLUMNS)?;
        Ok(w)
    }

    /// Writes one row.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> io::Result<()> {
        let line = cells
            .iter()
            .map(|c| field(c.as_ref()))
            .collect::<Vec<_>>()
            .join(",");
        self.out.write_all(line.as_bytes())?;
        self.out.write_all(b"\r\n")
    }

    /// Flushes and returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_guards() {
        assert_eq!(field("a"), "a");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("行\n二"), "\"行\n二\"");
    }
}
