//! A PDF read the way a reader would, only as far as needed to find active content: names are
//! decoded (`/J#53` is `/JS`), and every stream is decoded through the filters its dictionary
//! names — Flate, LZW, ASCIIHex, ASCII85 and RunLength, chained, with PNG and TIFF predictors —
//! so that objects hidden in a compressed or encoded object stream are searched too. Image
//! filters (DCT, JPX, CCITT, JBIG2) end the chain: what they hold is pixels, not objects.
//!
//! Decoding is bounded ([`Limits`]): all of a file's streams together may decode to a budget
//! (the time a check takes), and an output held whole in memory to a second, smaller one (the
//! memory it takes). A file that would need more is a decompression bomb ([`TooComplex`]).

/// What a PDF must not carry: scripts, actions that launch programs or run on opening, embedded
/// files. Names, as PDF writes them after a `/`; a name that starts with one is refused.
const ACTIVE: [&[u8]; 5] = [
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"OpenAction",
];

/// A file whose streams decode beyond its [`Limits`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooComplex;

/// How much decoding a file's check may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// All of the file's streams together, decoded, in bytes: the time a check may take.
    pub decoded: usize,
    /// One stream's output held whole in memory, in bytes: the output of a filter that is not
    /// the last of its chain, or of one that is not decoded piece by piece (ASCIIHex, ASCII85,
    /// RunLength, or any filter with a predictor). The last Flate or LZW filter of a chain is
    /// searched as it decodes, a piece at a time.
    pub held: usize,
}

/// Whether a PDF names active content anywhere, in its plain text or in any stream decoded
/// through its filters; [`TooComplex`] when decoding it would go beyond `limits`.
pub fn active_content(bytes: &[u8], limits: Limits) -> Result<bool, TooComplex> {
    if names_active(bytes) {
        return Ok(true);
    }
    let mut budget = limits.decoded;
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"stream") {
        let keyword = at + found;
        let after = keyword + b"stream".len();
        if bytes[..keyword].ends_with(b"end") {
            at = after;
            continue;
        }
        // The stream's dictionary is somewhere after the previous stream. Rather than trust a
        // guess at where it starts (a string in it can hold anything), every filter named there
        // is tried, and zlib as well: a reader decodes by one of them.
        let region = &bytes[at..keyword];
        let mut start = after;
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |e| start + e);
        for how in Decoding::candidates(region) {
            if search(&bytes[start..end], &how, &mut budget, limits.held)? {
                return Ok(true);
            }
        }
        at = end;
    }
    Ok(false)
}

/// Whether a PDF is encrypted: its trailer names an `/Encrypt` dictionary. Its strings and
/// streams can then not be read without its key, so they cannot be searched either. Like the
/// search for active content, it does not parse strings: `(/Encrypt)` in plain text counts too.
pub fn encrypted(bytes: &[u8]) -> bool {
    any_name(bytes, |name| name == b"Encrypt")
}

/// Whether `bytes` name active content anywhere: in plain text, or written with `#xx` escapes.
fn names_active(bytes: &[u8]) -> bool {
    any_name(bytes, |name| {
        ACTIVE.iter().any(|active| name.starts_with(active))
    })
}

/// Whether any name in `bytes`, decoded, is one that `wanted` accepts.
fn any_name(bytes: &[u8], wanted: impl Fn(&[u8]) -> bool) -> bool {
    let mut name = Vec::new();
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'/')
        .any(|(slash, _)| {
            read_name(bytes, slash + 1, &mut name);
            wanted(&name)
        })
}

fn delimiter(b: u8) -> bool {
    b"\0\t\n\x0c\r ()<>[]{}/%".contains(&b)
}

/// Reads the name that starts at `i` (after its `/`) into `name`, decoding `#xx` escapes, up to
/// 32 bytes (longer names are not ones this module looks for). Returns where the name ends.
fn read_name(bytes: &[u8], mut i: usize, name: &mut Vec<u8>) -> usize {
    let hex = |b: u8| char::from(b).to_digit(16);
    name.clear();
    while let Some(&b) = bytes.get(i) {
        if delimiter(b) {
            break;
        }
        match (
            b,
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'#', Some(high), Some(low)) => {
                name.push((high * 16 + low) as u8);
                i += 3;
            }
            _ => {
                if name.len() <= 32 {
                    name.push(b);
                }
                i += 1;
            }
        }
    }
    i
}

/// A filter a stream's dictionary names, by its full or abbreviated name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    Flate,
    Lzw,
    AsciiHex,
    Ascii85,
    RunLength,
    /// An image codec, encryption, or a name this module does not know: decoding stops here.
    Other,
}

impl Filter {
    fn named(name: &[u8]) -> Self {
        match name {
            b"FlateDecode" | b"Fl" => Self::Flate,
            b"LZWDecode" | b"LZW" => Self::Lzw,
            b"ASCIIHexDecode" | b"AHx" => Self::AsciiHex,
            b"ASCII85Decode" | b"A85" => Self::Ascii85,
            b"RunLengthDecode" | b"RL" => Self::RunLength,
            _ => Self::Other,
        }
    }
}

/// How a stream is decoded: its filters in order, and the parameters of its Flate or LZW
/// filter (the first of each kind that its dictionary gives).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Decoding {
    filters: Vec<Filter>,
    predictor: u32,
    colors: usize,
    bits: usize,
    columns: usize,
    early_change: bool,
}

/// The parts of a dictionary that matter here.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Name(Vec<u8>),
    Number(f64),
    Open,
    Close,
}

fn tokens(dict: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&b) = dict.get(i) {
        match b {
            b'/' => {
                let mut name = Vec::new();
                i = read_name(dict, i + 1, &mut name);
                out.push(Token::Name(name));
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'0'..=b'9' | b'-' | b'+' | b'.' => {
                let start = i;
                while dict
                    .get(i)
                    .is_some_and(|c| c.is_ascii_digit() || b"-+.".contains(c))
                {
                    i += 1;
                }
                if let Some(n) = std::str::from_utf8(&dict[start..i])
                    .ok()
                    .and_then(|s| s.parse().ok())
                {
                    out.push(Token::Number(n));
                }
            }
            _ => i += 1,
        }
    }
    out
}

impl Decoding {
    /// Every way the stream after `region` may be decoded: by each `/Filter` named in it, and
    /// by zlib, with the Flate and LZW parameters the region gives first.
    fn candidates(region: &[u8]) -> Vec<Self> {
        let tokens = tokens(region);
        let number = |key: &[u8]| {
            tokens.windows(2).find_map(|w| match w {
                [Token::Name(k), Token::Number(n)] if k == key => Some(*n),
                _ => None,
            })
        };
        let small = |key: &[u8], default: usize| {
            number(key).map_or(default, |n| (n as usize).clamp(1, 1 << 16))
        };
        let with = |filters| Self {
            filters,
            predictor: number(b"Predictor").map_or(1, |n| n as u32),
            colors: small(b"Colors", 1),
            bits: small(b"BitsPerComponent", 8),
            columns: small(b"Columns", 1),
            early_change: number(b"EarlyChange") != Some(0.0),
        };
        let mut out = vec![with(vec![Filter::Flate])];
        for (at, _) in tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t, Token::Name(n) if n == b"Filter"))
        {
            let filters = match tokens.get(at + 1) {
                Some(Token::Name(n)) => vec![Filter::named(n)],
                Some(Token::Open) => tokens[at + 2..]
                    .iter()
                    .map_while(|t| match t {
                        Token::Name(n) => Some(Filter::named(n)),
                        _ => None,
                    })
                    .collect(),
                _ => continue,
            };
            let how = with(filters);
            if !out.contains(&how) {
                out.push(how);
            }
        }
        out
    }
}

/// Whether a stream, decoded through its filters, names active content. Every filter but the
/// last decodes into memory (within `held` bytes, and what is left of `budget`); the last one,
/// usually the only one, is searched as it decodes, a chunk at a time, so a bomb costs its
/// chunks and not its size. What the last filter decodes is counted against `budget`. A stream
/// that breaks off (bad data, an image filter) is searched as far as it decodes: a reader would
/// see as much.
fn search(
    data: &[u8],
    how: &Decoding,
    budget: &mut usize,
    held: usize,
) -> Result<bool, TooComplex> {
    let usable = how
        .filters
        .iter()
        .take_while(|f| **f != Filter::Other)
        .count();
    let Some((last, first)) = how.filters[..usable].split_last() else {
        // Nothing to decode: the raw bytes were searched with the whole file.
        return Ok(false);
    };
    // What is held whole may be neither more than the memory limit nor more than is left of
    // the file's budget.
    let hold = held.min(*budget);
    let mut decoded: Option<Vec<u8>> = None;
    for &filter in first {
        let input = decoded.as_deref().unwrap_or(data);
        decoded = Some(decode_held(input, filter, how, hold)?);
    }
    let input = decoded.as_deref().unwrap_or(data);
    let mut sink = Sink {
        budget,
        tail: Vec::new(),
        found: false,
    };
    match last {
        Filter::Flate if how.predictor < 2 => {
            use std::io::Read;
            let mut reader = flate2::read::ZlibDecoder::new(input);
            let mut chunk = vec![0; CHUNK];
            while let Ok(n @ 1..) = reader.read(&mut chunk) {
                sink.feed(&chunk[..n])?;
            }
        }
        Filter::Lzw if how.predictor < 2 => {
            lzw(input, how.early_change, |chunk| sink.feed(chunk))?;
        }
        &filter => sink.feed(&decode_held(input, filter, how, hold)?)?,
    }
    Ok(sink.found)
}

/// How much of a stream is decoded at a time while it is searched.
const CHUNK: usize = 256 * 1024;

/// Where decoded bytes go to be searched: counted against the budget, searched together with
/// the end of the chunk before (so that a name cut in two is read whole), and dropped.
struct Sink<'b> {
    budget: &'b mut usize,
    tail: Vec<u8>,
    found: bool,
}

impl Sink<'_> {
    /// Longer than any name searched for, even written entirely with `#xx` escapes.
    const OVERLAP: usize = 128;

    fn feed(&mut self, chunk: &[u8]) -> Result<(), TooComplex> {
        *self.budget = self.budget.checked_sub(chunk.len()).ok_or(TooComplex)?;
        if self.found {
            return Ok(());
        }
        let mut window = std::mem::take(&mut self.tail);
        window.extend_from_slice(chunk);
        self.found = names_active(&window);
        let keep = window.len().min(Self::OVERLAP);
        window.drain(..window.len() - keep);
        self.tail = window;
        Ok(())
    }
}

/// [`decode`] into memory, at most `hold` bytes: [`TooComplex`] beyond.
fn decode_held(
    data: &[u8],
    filter: Filter,
    how: &Decoding,
    hold: usize,
) -> Result<Vec<u8>, TooComplex> {
    let out = decode(data, filter, how, hold);
    if out.len() > hold {
        return Err(TooComplex);
    }
    Ok(out)
}

/// Decodes a whole stream through one filter, stopping a little beyond `budget` bytes (so
/// that an output longer than `budget` says the stream goes beyond it).
fn decode(data: &[u8], filter: Filter, how: &Decoding, budget: usize) -> Vec<u8> {
    match filter {
        Filter::Flate => {
            use std::io::Read;
            let mut out = Vec::new();
            let _ = flate2::read::ZlibDecoder::new(data)
                .take(budget as u64 + 1)
                .read_to_end(&mut out);
            predicted(out, how)
        }
        Filter::Lzw => {
            let mut out = Vec::new();
            let _ = lzw(data, how.early_change, |chunk| {
                out.extend_from_slice(chunk);
                if out.len() > budget {
                    Err(TooComplex)
                } else {
                    Ok(())
                }
            });
            predicted(out, how)
        }
        Filter::AsciiHex => ascii_hex(data, budget),
        Filter::Ascii85 => ascii85(data, budget),
        Filter::RunLength => run_length(data, budget),
        Filter::Other => Vec::new(),
    }
}

/// Decodes LZW data a chunk at a time into `sink`, until the data ends, breaks off, or the sink
/// refuses more.
fn lzw(
    data: &[u8],
    early_change: bool,
    mut sink: impl FnMut(&[u8]) -> Result<(), TooComplex>,
) -> Result<(), TooComplex> {
    let mut decoder = if early_change {
        weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
    } else {
        weezl::decode::Decoder::new(weezl::BitOrder::Msb, 8)
    };
    let mut chunk = vec![0; CHUNK];
    let mut input = data;
    loop {
        let result = decoder.decode_bytes(input, &mut chunk);
        sink(&chunk[..result.consumed_out])?;
        input = &input[result.consumed_in..];
        match result.status {
            Ok(weezl::LzwStatus::Ok) if result.consumed_in + result.consumed_out > 0 => {}
            _ => return Ok(()),
        }
    }
}

/// Undoes a PNG (10 and up) or TIFF (2) predictor; other values mean none.
fn predicted(data: Vec<u8>, how: &Decoding) -> Vec<u8> {
    let bpp = (how.colors * how.bits).div_ceil(8).max(1);
    let row = (how.colors * how.bits * how.columns).div_ceil(8).max(1);
    match how.predictor {
        2 if how.bits == 8 => {
            let mut out = data;
            for line in out.chunks_mut(row) {
                for i in bpp..line.len() {
                    line[i] = line[i].wrapping_add(line[i - bpp]);
                }
            }
            out
        }
        p if p >= 10 => {
            let mut out = Vec::with_capacity(data.len());
            let mut previous = vec![0u8; row];
            for line in data.chunks(row + 1) {
                let (&kind, raw) = match line.split_first() {
                    Some(split) => split,
                    None => break,
                };
                let mut current = raw.to_vec();
                for i in 0..current.len() {
                    let left = if i >= bpp { current[i - bpp] } else { 0 };
                    let up = previous.get(i).copied().unwrap_or(0);
                    let up_left = if i >= bpp {
                        previous.get(i - bpp).copied().unwrap_or(0)
                    } else {
                        0
                    };
                    let add = match kind {
                        1 => left,
                        2 => up,
                        3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                        4 => paeth(left, up, up_left),
                        _ => 0,
                    };
                    current[i] = current[i].wrapping_add(add);
                }
                out.extend_from_slice(&current);
                previous = current;
            }
            out
        }
        _ => data,
    }
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

/// ASCIIHex, up to a little beyond `budget` bytes of output.
fn ascii_hex(data: &[u8], budget: usize) -> Vec<u8> {
    let mut digits = data
        .iter()
        .take_while(|b| **b != b'>')
        .filter(|b| !b.is_ascii_whitespace())
        .map_while(|b| char::from(*b).to_digit(16).map(|d| d as u8));
    let mut out = Vec::new();
    while let Some(high) = digits.next() {
        out.push(high << 4 | digits.next().unwrap_or(0));
        if out.len() > budget {
            break;
        }
    }
    out
}

/// ASCII85, up to a little beyond `budget` bytes of output (`z` alone stands for four).
fn ascii85(data: &[u8], budget: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut group = Vec::with_capacity(5);
    let emit = |group: &[u8], out: &mut Vec<u8>| {
        let mut padded = [b'u' - b'!'; 5];
        padded[..group.len()].copy_from_slice(group);
        let value = padded.iter().fold(0u64, |v, d| v * 85 + u64::from(*d));
        let bytes = (value as u32).to_be_bytes();
        out.extend_from_slice(&bytes[..group.len() - 1]);
    };
    for &b in data {
        if out.len() > budget {
            break;
        }
        match b {
            b'~' => break,
            b'z' if group.is_empty() => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group.push(b - b'!');
                if group.len() == 5 {
                    emit(&group, &mut out);
                    group.clear();
                }
            }
            b if b.is_ascii_whitespace() => {}
            _ => break,
        }
    }
    if group.len() > 1 {
        emit(&group, &mut out);
    }
    out
}

fn run_length(data: &[u8], budget: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&length) = data.get(i) {
        if out.len() > budget {
            break;
        }
        match length {
            0..=127 => {
                let n = usize::from(length) + 1;
                let Some(run) = data.get(i + 1..i + 1 + n) else {
                    out.extend_from_slice(&data[i + 1..]);
                    break;
                };
                out.extend_from_slice(run);
                i += 1 + n;
            }
            128 => break,
            _ => {
                let Some(&b) = data.get(i + 1) else { break };
                out.extend(std::iter::repeat_n(b, 257 - usize::from(length)));
                i += 2;
            }
        }
    }
    out
}

/// Where `needle` first occurs in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
pub(crate) mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const SCRIPT: &[u8] = b"1 0 << /S /JavaScript /JS (app.alert(1)) >>";
    const TEXT: &[u8] = b"1 0 BT /F1 12 Tf (Hallo, /Jansen) Tj ET";
    const BUDGET: usize = 1024 * 1024;
    const LIMITS: Limits = Limits {
        decoded: BUDGET,
        held: BUDGET,
    };

    pub(crate) fn zlib(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(bytes).unwrap();
        z.finish().unwrap()
    }

    fn hex(bytes: &[u8]) -> Vec<u8> {
        let mut out: Vec<u8> = bytes
            .iter()
            .flat_map(|b| format!("{b:02X} ").into_bytes())
            .collect();
        out.push(b'>');
        out
    }

    fn a85(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for chunk in bytes.chunks(4) {
            let mut word = [0u8; 4];
            word[..chunk.len()].copy_from_slice(chunk);
            let mut v = u32::from_be_bytes(word);
            if v == 0 && chunk.len() == 4 {
                out.push(b'z');
                continue;
            }
            let mut digits = [0u8; 5];
            for d in digits.iter_mut().rev() {
                *d = (v % 85) as u8 + b'!';
                v /= 85;
            }
            out.extend_from_slice(&digits[..chunk.len() + 1]);
        }
        out.extend_from_slice(b"~>");
        out
    }

    fn lzw_encode(bytes: &[u8]) -> Vec<u8> {
        weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
            .encode(bytes)
            .unwrap()
    }

    /// A PNG "Up" predictor over rows of `columns` bytes: each byte minus the one above.
    fn png_up(bytes: &[u8], columns: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut previous = vec![0u8; columns];
        for row in bytes.chunks(columns) {
            out.push(2);
            for (i, b) in row.iter().enumerate() {
                out.push(b.wrapping_sub(previous[i]));
            }
            previous = row.to_vec();
            previous.resize(columns, 0);
        }
        out
    }

    /// A PDF with one object stream whose dictionary holds `dict` (its filters).
    pub(crate) fn pdf(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut pdf = b"%PDF-1.5\n".to_vec();
        pdf.extend_from_slice(&pdf_stream(dict, data));
        pdf.extend_from_slice(b"%%EOF\n");
        pdf
    }

    fn pdf_stream(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut obj = format!(
            "1 0 obj << /Type /ObjStm {dict} /Length {} >>\nstream\r\n",
            data.len()
        )
        .into_bytes();
        obj.extend_from_slice(data);
        obj.extend_from_slice(b"\nendstream\nendobj\n");
        obj
    }

    fn found(dict: &str, data: &[u8]) -> Result<bool, TooComplex> {
        active_content(&pdf(dict, data), LIMITS)
    }

    #[test]
    fn names_are_read_as_a_reader_reads_them() {
        assert!(names_active(b"<< /OpenAction 2 0 R >>"));
        assert!(names_active(b"<< /J#53 (x) >>"));
        assert!(names_active(b"<< /#4Fpen#41ction 2 0 R >>"));
        assert!(!names_active(b"<< /Title#20One /Type /Catalog >>"));
        assert!(!names_active(b"(JavaScript in a string is text)"));
    }

    #[test]
    fn an_encrypt_dictionary_is_found_however_its_name_is_written() {
        assert!(encrypted(b"trailer << /Root 1 0 R /Encrypt 5 0 R >>"));
        assert!(encrypted(b"<< /Type /XRef /En#63rypt 5 0 R >>"));
        assert!(!encrypted(b"trailer << /Root 1 0 R /Info 2 0 R >>"));
        assert!(!encrypted(b"<< /Encrypted true /EncryptionNote (x) >>"));
    }

    #[test]
    fn every_filter_and_chain_is_decoded_before_the_search() {
        let cases: [(&str, Vec<u8>); 9] = [
            ("/Filter /FlateDecode", zlib(SCRIPT)),
            ("/Filter /Fl", zlib(SCRIPT)),
            ("/Filter /ASCIIHexDecode", hex(SCRIPT)),
            ("/Filter /AHx", hex(SCRIPT)),
            ("/Filter /ASCII85Decode", a85(SCRIPT)),
            ("/Filter /LZWDecode", lzw_encode(SCRIPT)),
            ("/Filter [/ASCII85Decode /FlateDecode]", a85(&zlib(SCRIPT))),
            ("/F#69lter [/A#48x /LZW]", hex(&lzw_encode(SCRIPT))),
            (
                "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >>",
                zlib(&png_up(SCRIPT, 7)),
            ),
        ];
        for (dict, data) in &cases {
            assert_eq!(found(dict, data), Ok(true), "{dict}");
        }
        // The same streams holding harmless text pass.
        assert_eq!(found("/Filter /ASCIIHexDecode", &hex(TEXT)), Ok(false));
        assert_eq!(
            found("/Filter [/ASCII85Decode /FlateDecode]", &a85(&zlib(TEXT))),
            Ok(false)
        );
        assert_eq!(found("/Filter /LZWDecode", &lzw_encode(TEXT)), Ok(false));
        // Run-length: a literal run holding the script.
        let mut rl = vec![u8::try_from(SCRIPT.len() - 1).unwrap()];
        rl.extend_from_slice(SCRIPT);
        rl.push(128);
        assert_eq!(found("/Filter /RunLengthDecode", &rl), Ok(true));
    }

    #[test]
    fn a_filter_is_found_wherever_the_dictionary_seems_to_start() {
        // Names and strings that look like the start of an object, or like another filter.
        for dict in [
            "/Filter /AHx /Fooobj 1",
            "/X (1 0 obj) /Filter /AHx",
            "/Filter /AHx /X (/Filter /Fl)",
        ] {
            assert_eq!(found(dict, &hex(SCRIPT)), Ok(true), "{dict}");
        }
    }

    #[test]
    fn an_image_or_broken_stream_is_no_reason_to_refuse() {
        assert_eq!(found("/Filter /DCTDecode", b"\xff\xd8\xff jpeg"), Ok(false));
        assert_eq!(found("", b"\xff\xd8\xff not zlib"), Ok(false));
        assert_eq!(found("/Filter /ASCIIHexDecode", b"zz not hex"), Ok(false));
        assert_eq!(found("/Filter /LZWDecode", b"\xff\xff\xff"), Ok(false));
        // A stream with no filter named is tried as zlib all the same.
        assert_eq!(found("", &zlib(SCRIPT)), Ok(true));
    }

    #[test]
    fn a_name_cut_between_two_chunks_is_found() {
        for at in [CHUNK - 5, CHUNK - 1, 2 * CHUNK - 20] {
            let mut text = vec![b' '; at];
            text.extend_from_slice(b"/J#61vaScript (x)");
            text.resize(3 * CHUNK, b' ');
            assert_eq!(
                found("/Filter /FlateDecode", &zlib(&text)),
                Ok(true),
                "{at}"
            );
            assert_eq!(
                found("/Filter /LZWDecode", &lzw_encode(&text)),
                Ok(true),
                "{at}"
            );
        }
    }

    #[test]
    fn images_do_not_count_against_the_budget() {
        // Pictures larger than the budget, as in a scanned record: nothing to decode.
        let picture = vec![0xa5; BUDGET + 1];
        let mut pdf = pdf("/Filter /DCTDecode", &picture);
        pdf.extend_from_slice(&pdf_stream("/Filter /JPXDecode", &picture));
        assert_eq!(active_content(&pdf, LIMITS), Ok(false));
    }

    #[test]
    fn a_stream_that_decodes_beyond_the_budget_is_too_complex() {
        let zeros = vec![0; BUDGET + 1];
        assert_eq!(
            found("/Filter /FlateDecode", &zlib(&zeros)),
            Err(TooComplex)
        );
        assert_eq!(
            found("/Filter /LZWDecode", &lzw_encode(&zeros)),
            Err(TooComplex)
        );
        // Run-length: 16 KB of runs become 65 × 128 × 128 bytes, about 1 MB.
        let rl: Vec<u8> = std::iter::repeat_n([129u8, 0], 65 * 128)
            .flatten()
            .collect();
        assert_eq!(found("/Filter /RunLengthDecode", &rl), Err(TooComplex));
        // Every stream counts against one budget for the whole file.
        let half = zlib(&vec![b' '; BUDGET / 2 + 1]);
        let mut two = pdf("/Filter /FlateDecode", &half);
        two.extend_from_slice(&pdf("/Filter /FlateDecode", &half));
        assert_eq!(active_content(&two, LIMITS), Err(TooComplex));
    }

    #[test]
    fn a_stream_held_whole_may_not_go_beyond_the_memory_limit() {
        let held = Limits {
            decoded: 8 * BUDGET,
            held: BUDGET,
        };
        let roomy = Limits {
            decoded: 8 * BUDGET,
            held: 8 * BUDGET,
        };
        let zeros = vec![0; BUDGET + 1];
        // Flate, then ASCIIHex: Flate's output (twice the zeros, in hex) is held whole.
        let chain = pdf(
            "/Filter [/FlateDecode /ASCIIHexDecode]",
            &zlib(&hex(&zeros)),
        );
        assert_eq!(active_content(&chain, held), Err(TooComplex));
        assert_eq!(active_content(&chain, roomy), Ok(false));
        // ASCII85 is decoded whole too, and `z` alone stands for four zero bytes.
        let zs = pdf("/Filter /ASCII85Decode", &vec![b'z'; BUDGET / 4 + 1]);
        assert_eq!(active_content(&zs, held), Err(TooComplex));
        assert_eq!(active_content(&zs, roomy), Ok(false));
        // The last Flate of a chain is searched piece by piece: it holds nothing whole.
        let flate = pdf("/Filter /FlateDecode", &zlib(&zeros));
        assert_eq!(active_content(&flate, held), Ok(false));
    }

    #[test]
    fn a_file_may_decode_beyond_the_memory_limit_in_all() {
        // Four streams, each half the memory limit: twice the limit in all.
        let half = zlib(&vec![b' '; BUDGET / 2]);
        let mut four = pdf("/Filter /FlateDecode", &half);
        for _ in 0..3 {
            four.extend_from_slice(&pdf_stream("/Filter /FlateDecode", &half));
        }
        let larger = Limits {
            decoded: 4 * BUDGET,
            held: BUDGET,
        };
        assert_eq!(active_content(&four, larger), Ok(false));
        assert_eq!(active_content(&four, LIMITS), Err(TooComplex));
        // And the search still reaches the last of them.
        four.extend_from_slice(&pdf_stream("/Filter /FlateDecode", &zlib(b"/JS (x)")));
        assert_eq!(active_content(&four, larger), Ok(true));
    }

    #[test]
    fn the_decoders_agree_with_their_encoders() {
        let data: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        assert_eq!(ascii_hex(&hex(&data), usize::MAX), data);
        assert_eq!(ascii85(&a85(&data), usize::MAX), data);
        assert_eq!(ascii85(&a85(&[0, 0, 0, 0, 1]), usize::MAX), [0, 0, 0, 0, 1]);
        // Within a budget, they stop a little beyond it, not at the end of the data.
        assert_eq!(ascii85(&[b'z'; 1000], 10).len(), 12);
        assert_eq!(ascii_hex(&[b'0'; 1000], 10).len(), 11);
        let mut out = Vec::new();
        lzw(&lzw_encode(&data), true, |c| {
            out.extend_from_slice(c);
            Ok(())
        })
        .unwrap();
        assert_eq!(out, data);
        let how = &Decoding::candidates(b"/DecodeParms << /Predictor 12 /Columns 10 >>")[0];
        assert_eq!(predicted(png_up(&data, 10), how), data);
    }
}
