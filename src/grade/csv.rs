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
    let mut records = Vec::new();
    let mut bad = Vec::new();
    for item in Reader::new(bytes, delimiter) {
        match item {
            Ok(Ok(r)) => records.push(r),
            Ok(Err(b)) => bad.push(b),
            Err(_) => unreachable!("reading from memory does not fail"),
        }
    }
    (records, bad)
}

/// Reads records one at a time from `R`, keeping in memory only the record being read and
/// what is buffered after it ([`read`] is this over an input already in memory). An I/O error
/// ends the reading.
pub struct Reader<R> {
    inner: R,
    delimiter: u8,
    /// The least read at a time.
    chunk: usize,
    buf: Vec<u8>,
    pos: usize,
    line: usize,
    eof: bool,
    started: bool,
}

/// The first bytes read at a time.
const CHUNK: usize = 64 << 10;

impl<R: std::io::Read> Reader<R> {
    pub fn new(inner: R, delimiter: u8) -> Self {
        Self::with_chunk(inner, delimiter, CHUNK)
    }

    fn with_chunk(inner: R, delimiter: u8, chunk: usize) -> Self {
        Reader {
            inner,
            delimiter,
            chunk,
            buf: Vec::new(),
            pos: 0,
            line: 1,
            eof: false,
            started: false,
        }
    }

    /// Reads at least as many bytes as are buffered (so a long record is parsed again only
    /// a logarithmic number of times), or to the end.
    fn fill(&mut self) -> std::io::Result<()> {
        self.buf.drain(..self.pos);
        self.pos = 0;
        let want = self.buf.len().max(self.chunk);
        let start = self.buf.len();
        self.buf.resize(start + want, 0);
        let mut got = 0;
        while got < want {
            match self.inner.read(&mut self.buf[start + got..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.buf.truncate(start + got);
                    return Err(e);
                }
            }
        }
        self.buf.truncate(start + got);
        // A byte-order mark is skipped once its three bytes are in (or the input is shorter).
        if !self.started && (self.buf.len() >= 3 || self.eof) {
            if self.buf.starts_with(b"\xef\xbb\xbf") {
                self.pos = 3;
            }
            self.started = true;
        }
        Ok(())
    }
}

impl<R: std::io::Read> Iterator for Reader<R> {
    type Item = std::io::Result<Result<Record, BadRecord>>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.started {
                match parse_record(&self.buf, self.pos, self.line, self.delimiter, self.eof) {
                    Step::More => {}
                    Step::End => return None,
                    Step::Read { next, line, item } => {
                        self.pos = next;
                        self.line = line;
                        match item {
                            Some(item) => return Some(Ok(item)),
                            None => continue,
                        }
                    }
                }
            }
            if self.eof && self.started {
                return None;
            }
            if let Err(e) = self.fill() {
                self.eof = true;
                self.started = true;
                self.buf.clear();
                self.pos = 0;
                return Some(Err(e));
            }
        }
    }
}

/// What parsing one record from a buffer gives.
enum Step {
    /// The buffer ends inside the record: read more (only when not at the end of input).
    More,
    /// Nothing left.
    End,
    /// A record (or a blank line, `None`), and where the next one starts.
    Read {
        next: usize,
        line: usize,
        item: Option<Result<Record, BadRecord>>,
    },
}

/// Parses the record starting at `i` (on line `line`). `eof` says the buffer holds the rest of
/// the input; otherwise reaching its end (or needing the byte after it) asks for more.
fn parse_record(bytes: &[u8], mut i: usize, mut line: usize, delimiter: u8, eof: bool) -> Step {
    let n = bytes.len();
    if i >= n {
        return if eof { Step::End } else { Step::More };
    }
    // Looking at the byte at `k` (or knowing there is none) needs it buffered.
    let need = |k: usize| k >= n && !eof;
    let start_line = line;
    let mut fields: Vec<Vec<u8>> = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    let mut error: Option<String> = None;
    let mut quoted_any = false;
    // One record.
    loop {
        if i >= n {
            if !eof {
                return Step::More;
            }
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
                    if need(i + 1) {
                        return Step::More;
                    }
                    if bytes.get(i + 1) == Some(&b'"') {
                        field.push(b'"');
                        i += 2;
                        continue;
                    }
                    i += 1;
                    closed = true;
                    break;
                }
                if c == b'\r' && need(i + 1) {
                    return Step::More;
                }
                if c == b'\n' || (c == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    line += 1;
                }
                field.push(c);
                i += 1;
            }
            if !closed {
                if !eof {
                    return Step::More;
                }
                error = Some(format!(
                    "the quote opened on line {open_line} is never closed, so the rest of the file could not be read"
                ));
                break;
            }
            // After the closing quote: a delimiter, a line end or the end of input.
            if need(i) {
                return Step::More;
            }
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
                    if need(i) {
                        return Step::More;
                    }
                }
            }
            if error.is_some() {
                if !skip_line_end(bytes, &mut i, &mut line, eof) {
                    return Step::More;
                }
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
            if !skip_line_end(bytes, &mut i, &mut line, eof) {
                return Step::More;
            }
            break;
        }
        field.push(b);
        i += 1;
    }
    let item = match error {
        Some(message) => Some(Err(BadRecord {
            line: start_line,
            message,
        })),
        None => {
            let blank = !quoted_any && fields.iter().all(|f| f.is_empty());
            (!blank).then_some(Ok(Record {
                line: start_line,
                fields,
            }))
        }
    };
    Step::Read {
        next: i,
        line,
        item,
    }
}

/// Steps over a line end at `i`; false when it is a CR at the end of the buffer (the LF that
/// may follow is not read yet).
fn skip_line_end(bytes: &[u8], i: &mut usize, line: &mut usize, eof: bool) -> bool {
    match bytes.get(*i) {
        Some(b'\r') if *i + 1 >= bytes.len() && !eof => return false,
        Some(b'\r') if bytes.get(*i + 1) == Some(&b'\n') => *i += 2,
        Some(b'\r' | b'\n') => *i += 1,
        _ => return true,
    }
    *line += 1;
    true
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
    fn reading_in_small_pieces_gives_what_reading_at_once_gives() {
        let inputs: [&[u8]; 6] = [
            b"a,b,c\r\n1,\"two, \"\"2\"\"\",3\n\n4,\"five\nlines\",6\n7,8,9",
            b"\xef\xbb\xbfa;b\r\n\"x\"y;1\r\n2;3\r",
            b"a,b\n1,\"open\n2,3\n",
            b"a\rb\r\r\"c\r\nd\"\r\n",
            b"\xef\xbb",
            b"",
        ];
        for input in inputs {
            let (records, bad) = read(input, b',');
            let whole: Vec<_> = records
                .into_iter()
                .map(Ok)
                .chain(bad.into_iter().map(Err))
                .collect();
            for chunk in 1..6 {
                let (mut records, mut bad) = (Vec::new(), Vec::new());
                for item in Reader::with_chunk(input, b',', chunk) {
                    match item.unwrap() {
                        Ok(r) => records.push(Ok(r)),
                        Err(b) => bad.push(Err(b)),
                    }
                }
                records.extend(bad);
                assert_eq!(
                    records,
                    whole,
                    "{:?} in pieces of {chunk}",
                    String::from_utf8_lossy(input)
                );
            }
        }
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
