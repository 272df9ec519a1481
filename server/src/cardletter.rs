//! The code card letter: what the hospital posts (or prints at the desk). One A4 page: the
//! address in the window of a DL envelope, a short explanation in the person's language, and the
//! card itself (24 numbered codes) to cut out along its outline.

use inzage_domain::CodeCardPosition;
use inzage_i18n::{Language, Translator};
use time::Date;

use crate::auth::PrintedCard;
use crate::pdf::{Face, Page, Pdf};

/// Whom the letter is for.
#[derive(Debug, Clone)]
pub struct Holder {
    /// The patient's name.
    pub name: String,
    /// The postal address the hospital holds, one line per line.
    pub postal_address: Option<String>,
    /// The username to log in with (national number, record number or chosen name).
    pub login_hint: String,
    /// Whether the person still has to choose a first password.
    pub first_password: bool,
    /// The network's name.
    pub network: String,
    /// Where the portal is.
    pub public_url: String,
    /// The day the card was printed.
    pub issued: Date,
}

/// Writes the letter with the card's codes. The codes appear nowhere else.
pub fn letter(holder: &Holder, card: &PrintedCard, language: Language) -> anyhow::Result<Vec<u8>> {
    let t = Translator::new(language);
    let text = |key: &str, args: &[(&str, String)]| t.text(key, args).unwrap_or_default();
    let mut page = Page::default();
    page.text(56.0, 60.0, 16.0, Face::Bold, holder.network.clone());
    page.text(
        56.0,
        80.0,
        10.0,
        Face::Regular,
        text("card_letter.portal", &[("url", holder.public_url.clone())]),
    );
    // The window of a DL envelope: 20 mm from the left, 45 mm from the top.
    let mut y = 150.0;
    page.text(320.0, y, 11.0, Face::Regular, holder.name.clone());
    for line in holder.postal_address.iter().flat_map(|a| a.lines()) {
        y += 14.0;
        page.text(320.0, y, 11.0, Face::Regular, line.to_owned());
    }
    page.text(
        56.0,
        250.0,
        10.0,
        Face::Regular,
        text("card_letter.date", &[("date", holder.issued.to_string())]),
    );
    page.text(
        56.0,
        280.0,
        14.0,
        Face::Bold,
        text("card_letter.title", &[]),
    );
    let mut y = page.paragraph(
        56.0,
        305.0,
        483.0,
        10.0,
        &text(
            "card_letter.body",
            &[("username", holder.login_hint.clone())],
        ),
    );
    if holder.first_password {
        y = page.paragraph(
            56.0,
            y + 4.0,
            483.0,
            10.0,
            &text(
                "card_letter.first_password",
                &[("url", holder.public_url.clone())],
            ),
        );
    }
    y = page.paragraph(
        56.0,
        y + 4.0,
        483.0,
        10.0,
        &text("card_letter.keep_safe", &[]),
    );
    // The card: four columns of six codes, in an outline to cut along.
    let top = (y + 20.0).max(470.0);
    let (left, width, height) = (56.0, 483.0, 250.0);
    page.rect(left, top, width, height);
    page.text(
        left + 12.0,
        top + 22.0,
        11.0,
        Face::Bold,
        text("card_letter.card_title", &[("name", holder.name.clone())]),
    );
    let column = (width - 24.0) / 4.0;
    for (i, position) in CodeCardPosition::all().enumerate() {
        let (col, row) = ((i / 6) as f32, (i % 6) as f32);
        let x = left + 12.0 + col * column;
        let y = top + 55.0 + row * 30.0;
        page.text(x, y, 10.0, Face::Bold, format!("{:>2}", position.get()));
        let code = card.code(position).expose_secret();
        let (a, b) = code.split_at(code.len() / 2);
        page.text(x + 24.0, y, 12.0, Face::Regular, format!("{a} {b}"));
    }
    let mut pdf = Pdf::new(text("card_letter.title", &[]), language.code());
    pdf.push(page);
    pdf.finish()
}
