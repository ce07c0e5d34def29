//! A small RFC 4180 reader and writer.
//!
//! Written here rather than taken from the `csv` crate because batch grading needs two things
//! that crate makes awkward: each record's starting line (for "answers.csv:14: ..." messages)
//! and per-record recovery from invalid UTF-8 or a stray quote, so one bad row does not stop
//! the rest. The reader works on bytes; fields are decoded by the caller.
//!
//! Reading accepts CRLF, LF or CR line ends, a UTF-8 byte-order mark, quoted fields with `""`
//! escapes and line breaks, and a `,`, `;` or tab delimiter (detected from the header line, as
//! spreadsheets in some locales save with `;`). Writing quotes every field that needs it and
//! ends lines with CRLF, as RFC 4180 asks.

/// One record: its fields (raw bytes) and the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<Vec<u8>>,
}

/// A record that could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRecord {
    pub line: usize,
    pub message: String,
}

/// The delimiter a header line uses: the most frequent of `,`, `;` and tab outside quotes
/// (`,` when there is none).
pub fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

/// Reads every record. Blank lines are skipped; a malformed record is reported and reading
/// goes on from the next line.
pub fn read(bytes: &[u8], delimiter: u8) -> (Vec<Record>, Vec<BadRecord>) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut records = Vec::new();
    let mut bad = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let n = bytes.len();
    while i < n {
        let start_line = line;
        let mut fields: Vec<Vec<u8>> = Vec::new();
        let mut field: Vec<u8> = Vec::new();
        let mut error: Option<String> = None;
        let mut quoted_any = false;
        // One record.
        loop {
            if i >= n {
                fields.push(std::mem::take(&mut field));
                break;
            }
            let b = bytes[i];
            if b == b'"' && field.is_empty() {
                // A quoted field.
                quoted_any = true;
                let open_line = line;
                i += 1;
                let mut closed = false;
                while i < n {
                    let c = bytes[i];
                    if c == b'"' {
                        if bytes.get(i + 1) == Some(&b'"') {
                            field.push(b'"');
                            i += 2;
                            continue;
                        }
                        i += 1;
                        closed = true;
                        break;
                    }
                    if c == b'\n' || (c == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                        line += 1;
                    }
                    field.push(c);
                    i += 1;
                }
                if !closed {
                    error = Some(format!(
                        "the quote opened on line {open_line} is never closed, so the rest of the file could not be read"
                    ));
                    break;
                }
                // After the closing quote: a delimiter, a line end or the end of input.
                match bytes.get(i) {
                    None => {}
                    Some(&c) if c == delimiter || c == b'\n' || c == b'\r' => {}
                    Some(_) => {
                        error = Some(
                            "text after a closing quote; inside a quoted field write a quote as two quotes (\"\")"
                                .into(),
                        );
                        // Skip to the end of the line.
                        while i < n && bytes[i] != b'\n' && bytes[i] != b'\r' {
                            i += 1;
                        }
                    }
                }
                if error.is_some() {
                    skip_line_end(bytes, &mut i, &mut line);
                    break;
                }
                continue;
            }
            if b == delimiter {
                fields.push(std::mem::take(&mut field));
                i += 1;
                continue;
            }
            if b == b'\n' || b == b'\r' {
                fields.push(std::mem::take(&mut field));
                skip_line_end(bytes, &mut i, &mut line);
                break;
            }
            field.push(b);
            i += 1;
        }
        match error {
            Some(message) => bad.push(BadRecord {
                line: start_line,
                message,
            }),
            None => {
                let blank = !quoted_any && fields.iter().all(|f| f.is_empty());
                if !blank {
                    records.push(Record {
                        line: start_line,
                        fields,
                    });
                }
            }
        }
    }
    (records, bad)
}

fn skip_line_end(bytes: &[u8], i: &mut usize, line: &mut usize) {
    match bytes.get(*i) {
        Some(b'\r') if bytes.get(*i + 1) == Some(&b'\n') => *i += 2,
        Some(b'\r' | b'\n') => *i += 1,
        _ => return,
    }
    *line += 1;
}

/// A field as written: quoted when it holds a delimiter, a quote, a line break or edge spaces.
/// Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading
/// `'` so it shows as text; pass `text = false` for numbers. Control characters in text
/// (other than line breaks and tabs) are shown as visible stand-ins
/// ([`crate::safe_text::visible`]): a cell can never drive the terminal it is printed on.
pub fn field(value: &str, text: bool) -> String {
    let shown = if text {
        crate::safe_text::visible(value)
    } else {
        std::borrow::Cow::Borrowed(value)
    };
    let value = shown.as_ref();
    let guarded;
    let value = if text
        && value.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && value.parse::<f64>().is_err()
    {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    let needs = value.contains([',', '"', '\n', '\r', ';', '\t'])
        || value.starts_with(' ')
        || value.ends_with(' ');
    if needs {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// One CSV line (CRLF-terminated) from already-escaped fields.
pub fn line(fields: &[String]) -> String {
    let mut s = fields.join(",");
    s.push_str("\r\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(r: &Record) -> Vec<String> {
        r.fields
            .iter()
            .map(|f| String::from_utf8(f.clone()).unwrap())
            .collect()
    }

    #[test]
    fn reads_quotes_escapes_and_line_breaks_with_their_lines() {
        let text = "a,b,c\r\n1,\"two, \"\"2\"\"\",3\n\n4,\"five\nlines\",6\n7,8,9";
        let (recs, bad) = read(text.as_bytes(), b',');
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(recs.len(), 4);
        assert_eq!(strings(&recs[1]), ["1", "two, \"2\"", "3"]);
        assert_eq!(recs[2].line, 4);
        assert_eq!(strings(&recs[2]), ["4", "five\nlines", "6"]);
        assert_eq!(recs[3].line, 6);
    }

    #[test]
    fn a_bad_record_is_reported_and_reading_goes_on() {
        let text = "a,b\n\"x\"y,1\n2,3\n";
        let (recs, bad) = read(text.as_bytes(), b',');
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].line, 2);
        assert!(bad[0].message.contains("after a closing quote"));
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].line, 3);
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        let (recs, bad) = read(b"a,b\n1,\"open\n2,3\n", b',');
        assert_eq!(recs.len(), 1);
        assert_eq!(bad[0].line, 2);
        assert!(bad[0].message.contains("opened on line 2 is never closed"));
    }

    #[test]
    fn strips_a_byte_order_mark_and_sniffs_the_delimiter() {
        let (recs, _) = read(b"\xef\xbb\xbfa;b\n1;2\n", b';');
        assert_eq!(strings(&recs[0]), ["a", "b"]);
        assert_eq!(sniff_delimiter(b"a;b;c\n1,2;3"), b';');
        assert_eq!(sniff_delimiter(b"\"x,y\"\tb\n"), b'\t');
        assert_eq!(sniff_delimiter(b"answer\n"), b',');
    }

    #[test]
    fn writes_fields_a_spreadsheet_reads_back() {
        assert_eq!(field("plain", true), "plain");
        assert_eq!(field("a, b", true), "\"a, b\"");
        assert_eq!(field("say \"no\"", true), "\"say \"\"no\"\"\"");
        assert_eq!(field("two\nlines", true), "\"two\nlines\"");
        assert_eq!(field("=SUM(A1)", true), "'=SUM(A1)");
        assert_eq!(field("-3.5", false), "-3.5");
        assert_eq!(field("-3.5", true), "-3.5");
        let row = line(&[field("x,y", true), field("1", false)]);
        let (recs, _) = read(row.as_bytes(), b',');
        assert_eq!(strings(&recs[0]), ["x,y", "1"]);
    }
}
