//! The digest's chart: response rate per unit and answers per question, as a PNG to attach to
//! the digest post. Drawn with plotters into a pixel buffer; text uses DejaVu Sans shipped in
//! the `dejavu` crate, so "Økonomi" and "Förvaltning" render the same on every machine.

use std::sync::OnceLock;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::domain::digest::{Digest, UnitResponse};
use crate::domain::text::truncate_words;

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the chart font could not be loaded")]
    Font,
    #[error("drawing the chart failed: {0}")]
    Draw(String),
    #[error("encoding the chart as PNG failed: {0}")]
    Encode(#[from] png::EncodingError),
}

/// Chart width in pixels; the height grows with the number of units and questions.
pub const WIDTH: u32 = 1000;
const ROW: u32 = 28;
const MAX_ROWS: usize = 60;
const LABEL_X: i32 = 250;
const BAR_X: i32 = 262;
const BAR_W: i32 = 560;

const FONT: &str = "samrad-sans";

fn register_font() -> Result<(), ChartError> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = *DONE.get_or_init(|| {
        plotters::style::register_font(FONT, FontStyle::Normal, dejavu::sans::regular()).is_ok()
            && plotters::style::register_font(FONT, FontStyle::Bold, dejavu::sans::bold()).is_ok()
    });
    ok.then_some(()).ok_or(ChartError::Font)
}

fn draw_err<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError::Draw(format!("{e:?}"))
}

/// The chart's height for a digest: title, two panels, one row per unit and per question.
pub fn chart_height(d: &Digest) -> u32 {
    let units = d.units.len().clamp(1, MAX_ROWS) as u32;
    let questions = d.questions.len().clamp(1, MAX_ROWS) as u32;
    60 + 44 + units * ROW + 30 + 44 + questions * ROW + 20
}

const BAR: RGBColor = RGBColor(52, 101, 164);
const SECOND: RGBColor = RGBColor(78, 154, 6);
const TRACK: RGBColor = RGBColor(233, 236, 239);
const INK: RGBColor = RGBColor(33, 37, 41);
const MUTED: RGBColor = RGBColor(108, 117, 125);

/// One labelled horizontal bar: `share` of the track filled, `caption` right of the track.
fn bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    y: i32,
    label: &str,
    share: f64,
    caption: &str,
    color: RGBColor,
) -> Result<(), ChartError> {
    let label_style = TextStyle::from((FONT, 16).into_font()).color(&INK).pos(Pos::new(HPos::Right, VPos::Center));
    let caption_style = TextStyle::from((FONT, 15).into_font()).color(&MUTED).pos(Pos::new(HPos::Left, VPos::Center));
    let mid = y + ROW as i32 / 2;
    area.draw_text(&truncate_words(label, 28), &label_style, (LABEL_X, mid)).map_err(draw_err)?;
    area.draw(&Rectangle::new([(BAR_X, y + 4), (BAR_X + BAR_W, y + ROW as i32 - 4)], TRACK.filled()))
        .map_err(draw_err)?;
    let filled = (share.clamp(0.0, 1.0) * f64::from(BAR_W)).round() as i32;
    if filled > 0 {
        area.draw(&Rectangle::new([(BAR_X, y + 4), (BAR_X + filled, y + ROW as i32 - 4)], color.filled()))
            .map_err(draw_err)?;
    }
    area.draw_text(caption, &caption_style, (BAR_X + BAR_W + 10, mid)).map_err(draw_err)?;
    Ok(())
}

fn heading<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    y: i32,
    text: &str,
) -> Result<(), ChartError> {
    let style = TextStyle::from((FONT, 19, FontStyle::Bold).into_font()).color(&INK);
    area.draw_text(text, &style, (20, y)).map_err(draw_err)
}

/// Labels for the two panels; English by default, localised by the caller.
#[derive(Debug, Clone)]
pub struct ChartLabels {
    pub response_rate: String,
    pub answers_per_question: String,
    pub no_units: String,
    /// Caption of a unit nobody has joined (instead of "0/0 · 0 %").
    pub no_members: String,
}

impl ChartLabels {
    pub fn english() -> Self {
        Self {
            response_rate: "Response rate per unit".into(),
            answers_per_question: "Answers per question".into(),
            no_units: "No units yet".into(),
            no_members: "no members".into(),
        }
    }
}

/// A unit's caption: answered of members and the rate, or that nobody has joined (a unit
/// without members is not a silent unit: no one there could answer).
fn unit_caption(u: &UnitResponse, labels: &ChartLabels) -> String {
    if u.members == 0 {
        labels.no_members.clone()
    } else {
        format!("{}/{} · {:.0} %", u.answered_any, u.members, u.rate() * 100.0)
    }
}

/// The digest chart with English panel labels; see [`response_chart_png_with`].
pub fn response_chart_png(d: &Digest, title: &str) -> Result<Vec<u8>, ChartError> {
    response_chart_png_with(d, title, &ChartLabels::english())
}

/// Draws the digest chart as PNG bytes ([`WIDTH`] × [`chart_height`] pixels, RGB).
pub fn response_chart_png_with(d: &Digest, title: &str, labels: &ChartLabels) -> Result<Vec<u8>, ChartError> {
    register_font()?;
    let (w, h) = (WIDTH, chart_height(d));
    let mut pixels = vec![255u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let title_style = TextStyle::from((FONT, 24, FontStyle::Bold).into_font()).color(&INK);
        root.draw_text(&truncate_words(title, 70), &title_style, (20, 18)).map_err(draw_err)?;

        let mut y = 60;
        heading(&root, y, &labels.response_rate)?;
        y += 44;
        if d.units.is_empty() {
            let style = TextStyle::from((FONT, 16).into_font()).color(&MUTED);
            root.draw_text(&labels.no_units, &style, (BAR_X, y + 6)).map_err(draw_err)?;
            y += ROW as i32;
        }
        for u in d.units.iter().take(MAX_ROWS) {
            bar(&root, y, u.unit.as_str(), u.rate(), &unit_caption(u, labels), BAR)?;
            y += ROW as i32;
        }
        y += 30;
        heading(&root, y, &labels.answers_per_question)?;
        y += 44;
        let scale = d.questions.iter().map(|q| q.answers).max().unwrap_or(0).max(d.members).max(1);
        for q in d.questions.iter().take(MAX_ROWS) {
            let label = format!("{} {}", q.id, q.text);
            let caption = q.answers.to_string();
            bar(&root, y, &label, q.answers as f64 / scale as f64, &caption, SECOND)?;
            y += ROW as i32;
        }
        root.present().map_err(draw_err)?;
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&pixels)?;
        writer.finish()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::digest::{compute, DigestAnswer, DigestInput, DigestMember};
    use crate::domain::meeting::Phase;
    use crate::domain::{AnswerValue, Question, QuestionId, QuestionKind, UnitName, UserId};

    fn sample() -> Digest {
        let units = ["Det humanistiske fakultet", "KHM", "Økonomiavdelingen", "Förvaltningen Väst", "JUS"];
        let q = |id: &str, text: &str| Question {
            id: QuestionId::try_from(id).unwrap(),
            text: text.into(),
            kind: QuestionKind::Free,
            help: None,
            required: true,
            phase: Phase::Reflection,
            anonymity: crate::domain::privacy::Anonymity::Named,
        };
        let mut input = DigestInput {
            title: "Koordineringsgruppa: fra sentrale planer til praksis".into(),
            units: units.iter().map(|u| UnitName::try_from(*u).unwrap()).collect(),
            questions: vec![
                q("idealer", "Hvilke idealer er styrende for enhetens arbeid?"),
                q("praksis", "Hva gjør enheten i praksis?"),
                q("tiltak", "Hvilke tiltak for bedre mangfold virker?"),
            ],
            ..DigestInput::default()
        };
        let mut user = 0;
        for (i, u) in units.iter().enumerate() {
            for k in 0..4 {
                user += 1;
                let unit = Some(UnitName::try_from(*u).unwrap());
                input.members.push(DigestMember {
                    user: UserId(user),
                    name: format!("M{user}"),
                    unit: unit.clone(),
                    role: None,
                });
                if k < i % 4 + 1 && i != 3 {
                    for qid in ["idealer", "praksis"].iter().take(k % 2 + 1) {
                        input.answers.push(DigestAnswer {
                            user: Some(UserId(user)),
                            unit: unit.clone(),
                            question: QuestionId::try_from(*qid).unwrap(),
                            value: AnswerValue::Text("Rekruttering og ledermøter.".into()),
                        });
                    }
                }
            }
        }
        compute(&input)
    }

    #[test]
    fn chart_is_a_png_of_the_expected_size() {
        let d = sample();
        let png_bytes = response_chart_png(&d, "Koordineringsgruppa – mars").unwrap();
        assert_eq!(&png_bytes[..8], b"\x89PNG\r\n\x1a\n");
        let decoder = png::Decoder::new(std::io::Cursor::new(&png_bytes));
        let reader = decoder.read_info().unwrap();
        assert_eq!((reader.info().width, reader.info().height), (WIDTH, chart_height(&d)));
        if let Ok(path) = std::env::var("SAMRAD_CHART_SAMPLE") {
            std::fs::write(path, &png_bytes).unwrap();
        }
    }

    #[test]
    fn a_unit_without_members_is_captioned_apart_from_a_silent_one() {
        let d = sample();
        let labels = ChartLabels::english();
        let silent = UnitResponse {
            unit: d.units[0].unit.clone(),
            members: 3,
            answered_any: 0,
            answered_required: 0,
            answers: 0,
            previous_rate: None,
        };
        let empty = UnitResponse { members: 0, ..silent.clone() };
        assert_eq!(unit_caption(&silent, &labels), "0/3 · 0 %");
        assert_eq!(unit_caption(&empty, &labels), "no members");
    }

    #[test]
    fn an_empty_digest_still_draws() {
        let d = compute(&DigestInput::default());
        let png_bytes = response_chart_png(&d, "Tomt møte").unwrap();
        assert_eq!(&png_bytes[..8], b"\x89PNG\r\n\x1a\n");
    }
}
