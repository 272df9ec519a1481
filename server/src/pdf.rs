//! PDF documents the server writes (the code card letter; later the record), with krilla.
//!
//! A document is built as pages of simple drawing operations (text in the regular or bold face,
//! rectangles, lines) in points from the page's top left, then written at once. The fonts
//! (DejaVu Sans, `server/assets/fonts`, Bitstream Vera licence) are embedded as subsets, so
//! Dutch and French characters print right on any printer.

use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::Document;

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
