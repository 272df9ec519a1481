//! The record on paper: one report, or the whole record the person may read, as a PDF in the
//! person's language.
//!
//! A [`RecordPdf`] is a list of sections (the reports, then the results, the medical summary,
//! the medications and the appointments), each a list of [`Item`]s. The whole record
//! opens with a table of contents; each item of a section starts on a new page. Every page
//! names the patient and their birth date at the top, and says at the bottom when it was
//! printed, from Inzage, and which page of how many it is, so a loose sheet is never mistaken for
//! someone else's. What goes in is decided by the caller: this module prints what it is given.

use inzage_domain::explain::long_date;
use inzage_domain::record::{
    AppointmentItem, AppointmentList, LeafletList, MedicalSummary, MedicationList, ResultSummary,
    ResultValue,
};
use inzage_domain::results::Flag;
use inzage_domain::wire::ReportDetail;
use inzage_i18n::{Language, Translator};
use time::Date;

use crate::pdf::{text_width, Face, Flow, Page, Pdf, A4, MARGIN_LEFT, MARGIN_RIGHT};

const BODY: f32 = 10.0;
const TITLE: f32 = 16.0;
const HEADING: f32 = 12.0;
const SMALL: f32 = 8.0;

/// Whose record it is.
#[derive(Clone)]
pub struct Patient {
    /// The patient's name.
    pub name: String,
    /// Their birth date, if known.
    pub birth_date: Option<Date>,
}

inzage_domain::redacted_debug!(Patient {});

/// A block of an item's content.
#[derive(Clone)]
enum Block {
    Facts(Vec<(String, String)>),
    Heading(String),
    Text(String),
    Table {
        columns: Vec<(String, f32)>,
        rows: Vec<Vec<String>>,
    },
}

/// One thing in a section (a report, later an appointment or a medication): a title, the date
/// it is listed under in the table of contents, and its content in order.
#[derive(Clone)]
pub struct Item {
    title: String,
    date: Option<Date>,
    blocks: Vec<Block>,
}

inzage_domain::redacted_debug!(Item {});

impl Item {
    /// An item with its title.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            date: None,
            blocks: Vec::new(),
        }
    }

    /// The date it is listed under.
    pub fn date(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }

    /// Label and value pairs (date, hospital, author…).
    pub fn facts(mut self, pairs: Vec<(String, String)>) -> Self {
        if !pairs.is_empty() {
            self.blocks.push(Block::Facts(pairs));
        }
        self
    }

    /// A heading.
    pub fn heading(mut self, text: impl Into<String>) -> Self {
        self.blocks.push(Block::Heading(text.into()));
        self
    }

    /// Running text; line breaks in it are kept.
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.blocks.push(Block::Text(text.into()));
        self
    }

    /// A table: each column's header and share of the width, and the rows.
    pub fn table(mut self, columns: Vec<(String, f32)>, rows: Vec<Vec<String>>) -> Self {
        self.blocks.push(Block::Table { columns, rows });
        self
    }
}

#[derive(Clone)]
struct Section {
    title: String,
    items: Vec<Item>,
}

/// A printed record: sections of items, written in one language.
pub struct RecordPdf {
    t: Translator,
    patient: Patient,
    printed: Date,
    sections: Vec<Section>,
}

impl RecordPdf {
    /// An empty record of `patient`, printed on `printed`, in `language`.
    pub fn new(language: Language, patient: Patient, printed: Date) -> Self {
        Self {
            t: Translator::new(language),
            patient,
            printed,
            sections: Vec::new(),
        }
    }

    fn text(&self, key: &str, args: &[(&str, String)]) -> String {
        self.t.text(key, args).unwrap_or_default()
    }

    /// Appends a section; each of its items starts on a new page.
    pub fn section(mut self, title: impl Into<String>, items: Vec<Item>) -> Self {
        self.sections.push(Section {
            title: title.into(),
            items,
        });
        self
    }

    /// The whole record: a table of contents, then every section's items.
    pub fn finish(self) -> anyhow::Result<Vec<u8>> {
        let title = self.text("pdf.record.title", &[("name", self.patient.name.clone())]);
        // Lay the items out first, to know the page each starts on.
        let mut flow = Flow::new();
        let mut starts: Vec<Vec<usize>> = Vec::new();
        for section in &self.sections {
            let mut section_starts = Vec::new();
            for item in &section.items {
                flow.new_page();
                section_starts.push(flow.page_index());
                self.item(&mut flow, item, Some(&section.title));
            }
            starts.push(section_starts);
        }
        let body = if starts.iter().all(Vec::is_empty) {
            Vec::new()
        } else {
            flow.finish()
        };
        // The contents' own length moves every page number by the same amount, and does not
        // depend on the numbers (they have a column of their own).
        let contents_pages = self.contents(&title, &starts, 0).len();
        let contents = self.contents(&title, &starts, contents_pages);
        let mut pages = contents;
        pages.extend(body);
        self.write(&title, pages)
    }

    /// One item alone (a single report), without contents.
    pub fn single(self, item: &Item) -> anyhow::Result<Vec<u8>> {
        let mut flow = Flow::new();
        self.item(&mut flow, item, None);
        self.write(&item.title, flow.finish())
    }

    fn contents(&self, title: &str, starts: &[Vec<usize>], offset: usize) -> Vec<Page> {
        let mut flow = Flow::new();
        flow.paragraph(title, TITLE, Face::Bold);
        flow.space(6.0);
        let mut facts = Vec::new();
        if let Some(birth) = self.patient.birth_date {
            facts.push((
                self.text("pdf.birth_date", &[]),
                long_date(birth, self.t.language()),
            ));
        }
        facts.push((
            self.text("pdf.printed_label", &[]),
            long_date(self.printed, self.t.language()),
        ));
        flow.facts(&facts, BODY);
        flow.space(4.0);
        flow.paragraph(&self.text("pdf.record.intro", &[]), BODY, Face::Regular);
        flow.heading(&self.text("pdf.contents", &[]), HEADING);
        for (section, section_starts) in self.sections.iter().zip(starts) {
            flow.space(4.0);
            flow.paragraph(&section.title, BODY + 1.0, Face::Bold);
            if section.items.is_empty() {
                flow.indented(
                    12.0,
                    &self.text("pdf.section.empty", &[]),
                    BODY,
                    Face::Regular,
                );
            }
            for (item, start) in section.items.iter().zip(section_starts) {
                let label = match item.date {
                    Some(d) => format!("{} · {}", long_date(d, self.t.language()), item.title),
                    None => item.title.clone(),
                };
                flow.leader(12.0, &label, &(start + offset + 1).to_string(), BODY);
            }
        }
        flow.finish()
    }

    fn item(&self, flow: &mut Flow, item: &Item, section: Option<&str>) {
        if let Some(section) = section {
            flow.paragraph(section, SMALL, Face::Regular);
        }
        flow.paragraph(&item.title, TITLE, Face::Bold);
        flow.space(6.0);
        for block in &item.blocks {
            match block {
                Block::Facts(pairs) => flow.facts(pairs, BODY),
                Block::Heading(h) => flow.heading(h, HEADING),
                Block::Text(t) => flow.paragraph(t, BODY, Face::Regular),
                Block::Table { columns, rows } => flow.table(columns, rows, BODY - 1.0),
            }
            flow.space(6.0);
        }
    }

    /// Puts the running header and footer on every page and writes the document.
    fn write(&self, title: &str, pages: Vec<Page>) -> anyhow::Result<Vec<u8>> {
        let lang = self.t.language();
        let mut header = self.patient.name.clone();
        if let Some(birth) = self.patient.birth_date {
            header.push_str(&format!(
                " · {}",
                self.text("pdf.born", &[("date", long_date(birth, lang))])
            ));
        }
        let printed = self.text("pdf.printed", &[("date", long_date(self.printed, lang))]);
        let total = pages.len();
        let mut pdf = Pdf::new(title, lang.code());
        for (i, mut page) in pages.into_iter().enumerate() {
            page.text(MARGIN_LEFT, 40.0, SMALL, Face::Regular, header.clone());
            page.line(MARGIN_LEFT, 48.0, MARGIN_RIGHT, 48.0);
            let footer_y = A4.1 - 40.0;
            page.line(MARGIN_LEFT, footer_y - 12.0, MARGIN_RIGHT, footer_y - 12.0);
            page.text(MARGIN_LEFT, footer_y, SMALL, Face::Regular, printed.clone());
            let number = self.text(
                "pdf.page",
                &[("page", (i + 1).to_string()), ("pages", total.to_string())],
            );
            let width = text_width(&number, SMALL, Face::Regular);
            page.text(MARGIN_RIGHT - width, footer_y, SMALL, Face::Regular, number);
            pdf.push(page);
        }
        pdf.finish()
    }
}

/// A report as an item: its facts, conclusion, results and text, in the translator's language.
pub fn report_item(t: &Translator, report: &ReportDetail) -> Item {
    let text = |key: &str| t.text(key, &[]).unwrap_or_default();
    let mut facts = vec![
        (text("report.date"), long_date(report.date, t.language())),
        (text("report.hospital"), report.hospital.clone()),
    ];
    if let Some(c) = &report.category {
        facts.push((text("report.category"), c.clone()));
    }
    if let Some(a) = &report.author {
        facts.push((text("report.author"), a.clone()));
    }
    let mut item = Item::new(report.title.clone())
        .date(report.date)
        .facts(facts);
    if let Some(c) = &report.conclusion {
        item = item.heading(text("report.conclusion")).text(c.clone());
    }
    if !report.results.is_empty() {
        let columns = vec![
            (text("report.result.name"), 3.5),
            (text("report.result.value"), 1.5),
            (text("report.result.unit"), 1.5),
            (text("report.result.range"), 2.5),
        ];
        let rows = report
            .results
            .iter()
            .map(|l| {
                vec![
                    l.name.clone(),
                    l.value.clone(),
                    l.unit.clone().unwrap_or_default(),
                    l.reference_range.clone().unwrap_or_default(),
                ]
            })
            .collect();
        item = item.heading(text("report.results")).table(columns, rows);
    }
    if let Some(body) = &report.text {
        item = item.heading(text("report.text")).text(body.clone());
    }
    item
}

/// A status code the hospital's system gave, in the person's language (the code itself when
/// there is no text for it).
fn status(t: &Translator, kind: &str, code: &str) -> String {
    t.text(&format!("record.{kind}.{code}").replace('-', "_"), &[])
        .unwrap_or_else(|| code.to_owned())
}

/// A value with its unit, and its flag in words when it is out of range.
fn value_text(t: &Translator, v: &ResultValue) -> String {
    let mut s = match &v.unit {
        Some(u) => format!("{} {u}", v.value),
        None => v.value.clone(),
    };
    let flag = match v.flag {
        Flag::Low => t.text("results.flag.low", &[]),
        Flag::High => t.text("results.flag.high", &[]),
        Flag::Abnormal => t.text("results.flag.abnormal", &[]),
        Flag::Normal | Flag::Unknown => None,
    };
    if let Some(f) = flag {
        s.push_str(&format!(" ({f})"));
    }
    s
}

fn range_text(v: &ResultValue) -> String {
    match (v.range.and_then(|r| r.low), v.range.and_then(|r| r.high)) {
        (Some(l), Some(h)) => format!("{l} – {h}"),
        (None, Some(h)) => format!("≤ {h}"),
        (Some(l), None) => format!("≥ {l}"),
        (None, None) => v.range_text.clone().unwrap_or_default(),
    }
}

/// The results section: one line per test with its latest value.
pub fn results_item(t: &Translator, tests: &[ResultSummary]) -> Item {
    let text = |key: &str| t.text(key, &[]).unwrap_or_default();
    let rows = tests
        .iter()
        .map(|s| {
            vec![
                s.name.clone(),
                value_text(t, &s.latest),
                range_text(&s.latest),
                long_date(s.latest.at.date(), t.language()),
            ]
        })
        .collect();
    Item::new(text("results.title")).table(
        vec![
            (text("results.column.test"), 3.5),
            (text("results.column.latest"), 2.5),
            (text("results.column.range"), 1.8),
            (text("results.column.date"), 2.2),
        ],
        rows,
    )
}

/// The medical summary: allergies, blood group, risks.
pub fn summary_item(t: &Translator, summary: &MedicalSummary) -> Item {
    let text = |key: &str| t.text(key, &[]).unwrap_or_default();
    let lang = t.language();
    let allergies = summary
        .allergies
        .iter()
        .map(|a| {
            vec![
                a.name.clone(),
                a.criticality
                    .as_deref()
                    .filter(|c| *c == "high")
                    .map(|_| text("summary.critical"))
                    .unwrap_or_default(),
                a.clinical_status
                    .as_deref()
                    .map(|c| status(t, "clinical", c))
                    .unwrap_or_default(),
                long_date(a.recorded, lang),
            ]
        })
        .collect();
    let risks = summary
        .risks
        .iter()
        .map(|r| {
            vec![
                r.name.clone(),
                r.clinical_status
                    .as_deref()
                    .map(|c| status(t, "clinical", c))
                    .unwrap_or_default(),
                long_date(r.onset, lang),
            ]
        })
        .collect();
    let blood = match &summary.blood_group {
        Some(b) => format!("{} ({})", b.value, long_date(b.determined, lang)),
        None => text("summary.blood_group.unknown"),
    };
    let item = Item::new(text("summary.title"))
        .heading(text("summary.allergies"))
        .table(
            vec![
                (text("summary.allergies"), 4.0),
                (text("summary.critical"), 1.5),
                (text("pdf.column.status"), 2.0),
                (text("results.column.date"), 2.5),
            ],
            allergies,
        )
        .heading(text("summary.blood_group"))
        .text(blood)
        .heading(text("summary.risks"))
        .table(
            vec![
                (text("summary.risks"), 5.0),
                (text("pdf.column.status"), 2.0),
                (text("pdf.column.since"), 3.0),
            ],
            risks,
        );
    let mut item = item;
    if !summary.statements.is_empty() {
        item = item.heading(text("summary.statements"));
        for s in &summary.statements {
            item = item.text(format!(
                "{} · {}: {}",
                long_date(s.filed, lang),
                s.hospital,
                s.text
            ));
        }
    }
    if !summary.e_consults.is_empty() {
        item = item.heading(text("summary.e_consults"));
        for e in &summary.e_consults {
            item = item.text(format!(
                "{} · {} · {}",
                long_date(e.asked, lang),
                e.doctor,
                e.subject
            ));
            for line in &e.exchange {
                item = item.text(format!(
                    "{} ({}): {}",
                    line.author,
                    long_date(line.sent, lang),
                    line.text
                ));
            }
        }
    }
    item
}

/// The medications, current ones first.
pub fn medications_item(t: &Translator, list: &MedicationList) -> Item {
    let text = |key: &str| t.text(key, &[]).unwrap_or_default();
    let lang = t.language();
    let rows = list
        .medications
        .iter()
        .map(|m| {
            let period = match m.end {
                Some(end) => format!("{} – {}", long_date(m.start, lang), long_date(end, lang)),
                None => long_date(m.start, lang),
            };
            vec![
                m.name.clone(),
                m.dosage.clone().unwrap_or_default(),
                status(t, "medication", &m.status),
                period,
            ]
        })
        .collect();
    Item::new(text("medications.title")).table(
        vec![
            (text("medications.title"), 3.0),
            (text("pdf.column.dosage"), 3.0),
            (text("pdf.column.status"), 1.5),
            (text("pdf.column.since"), 2.5),
        ],
        rows,
    )
}

/// The appointments, upcoming then past.
pub fn appointments_item(t: &Translator, list: &AppointmentList) -> Item {
    let text = |key: &str| t.text(key, &[]).unwrap_or_default();
    let lang = t.language();
    let row = |a: &AppointmentItem| {
        let local = a
            .start
            .to_offset(inzage_domain::calendar::TimeZone::EuropeBrussels.offset_at(a.start));
        vec![
            format!(
                "{} {:02}:{:02}",
                long_date(local.date(), lang),
                local.hour(),
                local.minute()
            ),
            a.description.clone(),
            [a.location.clone(), Some(a.hospital.clone())]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", "),
            status(t, "appointment", &a.status),
        ]
    };
    let columns = || {
        vec![
            (text("pdf.column.when"), 2.5),
            (text("pdf.column.what"), 3.0),
            (text("pdf.column.where"), 3.0),
            (text("pdf.column.status"), 1.5),
        ]
    };
    Item::new(text("appointments.title"))
        .heading(text("appointments.upcoming"))
        .table(columns(), list.upcoming.iter().map(row).collect())
        .heading(text("appointments.past"))
        .table(columns(), list.past.iter().map(row).collect())
}

/// The leaflets the care team linked: what, where to read it, from which hospital, since when.
pub fn leaflets_item(t: &Translator, list: &LeafletList) -> Item {
    let text = |key: &str| t.text(key, &[]).unwrap_or_default();
    let lang = t.language();
    let rows = list
        .leaflets
        .iter()
        .map(|l| {
            vec![
                l.title.clone(),
                l.url.clone(),
                l.hospital.clone(),
                long_date(l.linked, lang),
            ]
        })
        .collect();
    Item::new(text("leaflets.title")).table(
        vec![
            (text("pdf.column.what"), 3.0),
            (text("pdf.column.address"), 3.5),
            (text("pdf.column.where"), 2.0),
            (text("pdf.column.since"), 1.5),
        ],
        rows,
    )
}

/// A file name for a download: ASCII letters, digits and dashes only (accents dropped, anything
/// else a dash), at most 80 characters, ending in `.pdf`.
pub fn file_name(parts: &[&str]) -> String {
    let mut name = String::new();
    for c in parts.join("-").chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            'ÿ' => 'y',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        };
        if c != '-' || !(name.is_empty() || name.ends_with('-')) {
            name.push(c);
        }
    }
    let mut name: String = name.trim_end_matches('-').chars().take(80).collect();
    while name.ends_with('-') {
        name.pop();
    }
    if name.is_empty() {
        name.push_str("inzage");
    }
    name.push_str(".pdf");
    name
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::pdf::wrap;
    use time::macros::date;

    #[test]
    fn file_names_are_plain_ascii() {
        assert_eq!(
            file_name(&["verslag", "2024-03-12", "Échographie: cœur & poumons"]),
            "verslag-2024-03-12-echographie-c-ur-poumons.pdf"
        );
        assert_eq!(file_name(&["\"../x\r\n"]), "x.pdf");
        assert_eq!(file_name(&["", "???"]), "inzage.pdf");
        let long = "a".repeat(200);
        assert_eq!(file_name(&[&long]).len(), 84);
    }

    #[test]
    fn long_text_wraps_inside_the_margins_and_over_pages() {
        let word = "voorkamerfibrillatie ";
        let text = word.repeat(2000);
        let item = Item::new("Ontslagbrief").text(text);
        let mut flow = Flow::new();
        let pdf = RecordPdf::new(
            Language::Nl,
            Patient {
                name: "Zoë Noël".into(),
                birth_date: Some(date!(1980 - 02 - 29)),
            },
            date!(2026 - 11 - 27),
        );
        pdf.item(&mut flow, &item, None);
        let pages = flow.finish();
        assert!(pages.len() > 5, "{} pages", pages.len());
        for page in &pages {
            for t in page.texts() {
                assert!(text_width(t, BODY, Face::Regular) <= MARGIN_RIGHT - MARGIN_LEFT);
            }
        }
        let unbroken = "x".repeat(500);
        for line in wrap(&unbroken, 100.0, BODY, Face::Regular) {
            assert!(text_width(&line, BODY, Face::Regular) <= 100.0);
        }
    }
}
