//! PDF documents the server writes (the code card letter, reports and the record), with krilla.
//!
//! A document is built as pages of simple drawing operations (text in the regular or bold face,
//! rectangles, lines) in points from the page's top left, then written at once. [`Flow`] lays
//! text out from top to bottom, wrapping lines at the fonts' real glyph widths and starting a
//! new page when one is full. The fonts
//! (DejaVu Sans, `server/assets/fonts`, Bitstream Vera licence) are embedded as subsets, so
//! Dutch and French characters print right on any printer.

use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::Document;
use std::sync::OnceLock;

static REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in points.
pub const A4: (f32, f32) = (595.0, 842.0);

/// The face of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

#[derive(Debug, Clone)]
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
    },
}

/// The parsed faces, for their glyph widths.
fn faces() -> &'static (
    Option<ttf_parser::Face<'static>>,
    Option<ttf_parser::Face<'static>>,
) {
    static FACES: OnceLock<(
        Option<ttf_parser::Face<'static>>,
        Option<ttf_parser::Face<'static>>,
    )> = OnceLock::new();
    FACES.get_or_init(|| {
        (
            ttf_parser::Face::parse(REGULAR, 0).ok(),
            ttf_parser::Face::parse(BOLD, 0).ok(),
        )
    })
}

/// The width of `text` in points at `size` (advance widths, without kerning, which only ever
/// makes DejaVu text narrower). A character the font lacks counts as the missing-glyph box.
pub fn text_width(text: &str, size: f32, face: Face) -> f32 {
    let (regular, bold) = faces();
    let Some(f) = (match face {
        Face::Regular => regular,
        Face::Bold => bold,
    }) else {
        // Not reachable with the embedded fonts; a generous estimate keeps lines inside.
        return text.chars().count() as f32 * size * 0.65;
    };
    let units: u32 = text
        .chars()
        .map(|c| {
            let glyph = f.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
            u32::from(f.glyph_hor_advance(glyph).unwrap_or(0))
        })
        .sum();
    units as f32 * size / f32::from(f.units_per_em())
}

/// `text` broken into lines no wider than `width`: at spaces where possible, inside a word
/// only when the word alone is wider than a line. Each line break in `text` starts a new line;
/// an empty source line stays an empty line.
pub fn wrap(text: &str, width: f32, size: f32, face: Face) -> Vec<String> {
    let mut lines = Vec::new();
    for source_line in text.lines() {
        let mut line = String::new();
        for word in source_line.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size, face) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line (a long URL or number) is cut where it must be.
            for c in word.chars() {
                line.push(c);
                if text_width(&line, size, face) > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                }
            }
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// One page's drawing.
#[derive(Debug, Default, Clone)]
pub struct Page {
    ops: Vec<Op>,
}

impl Page {
    /// Text with its baseline at `y`.
    pub fn text(&mut self, x: f32, y: f32, size: f32, face: Face, text: impl Into<String>) {
        self.ops.push(Op::Text {
            x,
            y,
            size,
            face,
            text: text.into(),
        });
    }

    /// A paragraph wrapped at word boundaries to about `width` points (DejaVu Sans averages
    /// 0.55 em per character); returns the baseline below its last line.
    pub fn paragraph(&mut self, x: f32, y: f32, width: f32, size: f32, text: &str) -> f32 {
        let per_line = ((width / (size * 0.55)).floor() as usize).max(10);
        let mut y = y;
        for source_line in text.lines() {
            let mut line = String::new();
            for word in source_line.split_whitespace() {
                if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > per_line {
                    self.text(x, y, size, Face::Regular, std::mem::take(&mut line));
                    y += size * 1.4;
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            self.text(x, y, size, Face::Regular, line);
            y += size * 1.4;
        }
        y
    }

    /// The outline of a rectangle.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.ops.push(Op::Rect { x, y, w, h });
    }

    /// A thin straight line.
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.ops.push(Op::Line { x1, y1, x2, y2 });
    }

    /// The text the page shows, in drawing order (for tests).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.ops.iter().filter_map(|op| match op {
            Op::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// The printable area of an A4 page in a [`Flow`]: 2 cm margins, with room above and below
/// for a running header and footer.
pub const MARGIN_LEFT: f32 = 56.0;
/// The right edge of the printable area.
pub const MARGIN_RIGHT: f32 = A4.0 - 56.0;
const FLOW_TOP: f32 = 80.0;
const FLOW_BOTTOM: f32 = A4.1 - 70.0;

/// Text laid out from top to bottom over as many pages as it needs.
#[derive(Debug, Clone)]
pub struct Flow {
    done: Vec<Page>,
    page: Page,
    /// The top of the next line.
    y: f32,
}

impl Default for Flow {
    fn default() -> Self {
        Self::new()
    }
}

impl Flow {
    /// An empty first page.
    pub fn new() -> Self {
        Self {
            done: Vec::new(),
            page: Page::default(),
            y: FLOW_TOP,
        }
    }

    /// The width of a full line.
    pub fn width(&self) -> f32 {
        MARGIN_RIGHT - MARGIN_LEFT
    }

    /// The index of the page being filled (0 for the first).
    pub fn page_index(&self) -> usize {
        self.done.len()
    }

    /// Whether nothing is on the current page yet.
    fn page_is_empty(&self) -> bool {
        self.page.ops.is_empty()
    }

    /// Continues on a new page, unless the current one is still empty.
    pub fn new_page(&mut self) {
        if !self.page_is_empty() {
            self.done.push(std::mem::take(&mut self.page));
            self.y = FLOW_TOP;
        }
    }

    /// Makes sure `height` points fit below the current position, else starts a new page.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > FLOW_BOTTOM {
            self.new_page();
        }
    }

    /// Vertical space (none at the top of a page).
    pub fn space(&mut self, height: f32) {
        if !self.page_is_empty() {
            self.y += height;
        }
    }

    /// One line of text at `x`, which must fit (see [`wrap`]); a new page first if it does not
    /// fit below.
    fn line_at(&mut self, x: f32, size: f32, face: Face, text: String) {
        let height = size * 1.4;
        self.ensure(height);
        if !text.is_empty() {
            self.page.text(x, self.y + size, size, face, text);
        } else if self.page_is_empty() {
            // An empty line at the top of a page is no line at all.
            return;
        }
        self.y += height;
    }

    /// A paragraph over the full width, wrapped, continuing on the next page where needed.
    pub fn paragraph(&mut self, text: &str, size: f32, face: Face) {
        self.indented(0.0, text, size, face);
    }

    /// A paragraph starting `indent` points from the left margin.
    pub fn indented(&mut self, indent: f32, text: &str, size: f32, face: Face) {
        for line in wrap(text, self.width() - indent, size, face) {
            self.line_at(MARGIN_LEFT + indent, size, face, line);
        }
    }

    /// A heading: kept with at least three lines of what follows.
    pub fn heading(&mut self, text: &str, size: f32) {
        self.space(size * 0.6);
        self.ensure(size * 1.4 + 3.0 * 14.0);
        self.paragraph(text, size, Face::Bold);
    }

    /// A line with `left` and `right` text (a table of contents' entry and its page): `left`
    /// wraps before the room `right` needs, `right` is right-aligned on the last line.
    pub fn leader(&mut self, indent: f32, left: &str, right: &str, size: f32) {
        let right_width = text_width(right, size, Face::Regular);
        let lines = wrap(
            left,
            self.width() - indent - right_width - 12.0,
            size,
            Face::Regular,
        );
        self.ensure(lines.len() as f32 * size * 1.4);
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            if i + 1 == count {
                let y = self.y + size;
                self.page.text(
                    MARGIN_RIGHT - right_width,
                    y,
                    size,
                    Face::Regular,
                    right.to_owned(),
                );
            }
            self.line_at(MARGIN_LEFT + indent, size, Face::Regular, line);
        }
    }

    /// Label and value pairs: the label in bold in a narrow column, the value wrapped beside it.
    pub fn facts(&mut self, pairs: &[(String, String)], size: f32) {
        let label_width = pairs
            .iter()
            .map(|(l, _)| text_width(l, size, Face::Bold))
            .fold(0.0, f32::max)
            .min(160.0)
            + 12.0;
        for (label, value) in pairs {
            let labels = wrap(label, label_width - 12.0, size, Face::Bold);
            let values = wrap(value, self.width() - label_width, size, Face::Regular);
            self.row(
                &[
                    (0.0, Face::Bold, labels),
                    (label_width, Face::Regular, values),
                ],
                size,
            );
        }
    }

    /// A table: a bold header row (repeated on each page the table continues on) and rows of
    /// cells, each wrapped within its column; `columns` gives each header and its share of the
    /// width. A row is never split over two pages unless it is taller than a page.
    pub fn table(&mut self, columns: &[(String, f32)], rows: &[Vec<String>], size: f32) {
        let total: f32 = columns
            .iter()
            .map(|(_, share)| share)
            .sum::<f32>()
            .max(f32::EPSILON);
        let mut x = 0.0;
        let mut starts = Vec::new();
        for (_, share) in columns {
            starts.push((x, share / total * self.width()));
            x += share / total * self.width();
        }
        let cells = |texts: Vec<&str>, face: Face| -> Vec<(f32, Face, Vec<String>)> {
            texts
                .into_iter()
                .zip(&starts)
                .map(|(t, (x, w))| (*x, face, wrap(t, w - 8.0, size, face)))
                .collect()
        };
        let header = cells(
            columns.iter().map(|(h, _)| h.as_str()).collect(),
            Face::Bold,
        );
        let header_height = height_of(&header, size);
        let mut first = true;
        for row in rows {
            let row = cells(row.iter().map(String::as_str).collect(), Face::Regular);
            let height = height_of(&row, size);
            let page_before = self.page_index();
            self.ensure(height + if first { header_height + 4.0 } else { 0.0 });
            if first || self.page_index() != page_before || self.page_is_empty() {
                self.row(&header, size);
                self.rule();
                first = false;
            }
            self.row(&row, size);
        }
    }

    /// A thin line over the full width.
    pub fn rule(&mut self) {
        self.ensure(4.0);
        let y = self.y + 1.0;
        self.page.line(MARGIN_LEFT, y, MARGIN_RIGHT, y);
        self.y += 4.0;
    }

    /// Cells side by side, each a column of lines starting `x` points from the margin; the row
    /// is as tall as its tallest cell, kept on one page when it fits on one.
    fn row(&mut self, cells: &[(f32, Face, Vec<String>)], size: f32) {
        let lines = cells.iter().map(|(_, _, l)| l.len()).max().unwrap_or(0);
        let height = size * 1.4;
        if (lines as f32) * height <= FLOW_BOTTOM - FLOW_TOP {
            self.ensure(lines as f32 * height);
        }
        for i in 0..lines {
            self.ensure(height);
            for (x, face, cell) in cells {
                if let Some(text) = cell.get(i).filter(|t| !t.is_empty()) {
                    self.page
                        .text(MARGIN_LEFT + x, self.y + size, size, *face, text.clone());
                }
            }
            self.y += height;
        }
    }

    /// The pages, the last one included.
    pub fn finish(mut self) -> Vec<Page> {
        if !self.page_is_empty() || self.done.is_empty() {
            self.done.push(self.page);
        }
        self.done
    }
}

fn height_of(cells: &[(f32, Face, Vec<String>)], size: f32) -> f32 {
    cells.iter().map(|(_, _, l)| l.len()).max().unwrap_or(0) as f32 * size * 1.4
}

/// A document of A4 pages.
#[derive(Debug, Clone)]
pub struct Pdf {
    title: String,
    language: String,
    pages: Vec<Page>,
}

impl Pdf {
    /// An empty document with its title and language (`nl`, `fr`, `en`) in the metadata.
    pub fn new(title: impl Into<String>, language: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            language: language.into(),
            pages: Vec::new(),
        }
    }

    /// Adds a page.
    pub fn push(&mut self, page: Page) {
        self.pages.push(page);
    }

    /// Adds pages.
    pub fn extend(&mut self, pages: impl IntoIterator<Item = Page>) {
        self.pages.extend(pages);
    }

    /// Writes the document.
    pub fn finish(self) -> anyhow::Result<Vec<u8>> {
        let regular = Font::new(REGULAR.into(), 0)
            .ok_or_else(|| anyhow::anyhow!("the regular font does not load"))?;
        let bold = Font::new(BOLD.into(), 0)
            .ok_or_else(|| anyhow::anyhow!("the bold font does not load"))?;
        let mut document = Document::new();
        document.set_metadata(
            Metadata::new()
                .title(self.title)
                .language(self.language)
                .creator("Inzage".into()),
        );
        let settings = PageSettings::from_wh(A4.0, A4.1)
            .ok_or_else(|| anyhow::anyhow!("A4 is not a page size"))?;
        for page in &self.pages {
            let mut p = document.start_page_with(settings.clone());
            let mut surface = p.surface();
            for op in &page.ops {
                match op {
                    Op::Text {
                        x,
                        y,
                        size,
                        face,
                        text,
                    } => {
                        let font = match face {
                            Face::Regular => regular.clone(),
                            Face::Bold => bold.clone(),
                        };
                        surface.draw_text(
                            Point::from_xy(*x, *y),
                            font,
                            *size,
                            text,
                            false,
                            TextDirection::Auto,
                        );
                    }
                    Op::Line { x1, y1, x2, y2 } => {
                        let mut path = PathBuilder::new();
                        path.move_to(*x1, *y1);
                        path.line_to(*x2, *y2);
                        if let Some(path) = path.finish() {
                            surface.set_fill(None);
                            surface.set_stroke(Some(Stroke {
                                width: 0.5,
                                ..Stroke::default()
                            }));
                            surface.draw_path(&path);
                            surface.set_stroke(None);
                            surface.set_fill(Some(Fill::default()));
                        }
                    }
                    Op::Rect { x, y, w, h } => {
                        let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                            continue;
                        };
                        let mut path = PathBuilder::new();
                        path.push_rect(rect);
                        if let Some(path) = path.finish() {
                            surface.set_fill(None);
                            surface.set_stroke(Some(Stroke {
                                width: 0.8,
                                ..Stroke::default()
                            }));
                            surface.draw_path(&path);
                            surface.set_stroke(None);
                            surface.set_fill(Some(Fill::default()));
                        }
                    }
                }
            }
            surface.finish();
            p.finish();
        }
        document
            .finish()
            .map_err(|e| anyhow::anyhow!("writing the PDF: {e:?}"))
    }
}
