//! Lab results over time: whether a value is out of its reference range, and the geometry of the
//! trend chart the browser draws as SVG.
//!
//! Both the server (which flags each value it sends) and the browser (which draws the chart) use
//! this module, so a value is flagged the same way wherever it is shown.

use serde::{Deserialize, Serialize};
use time::Date;

/// The range a lab gives for a test, either bound optional ("< 5.0" has only a high bound).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReferenceRange {
    /// The lowest normal value.
    pub low: Option<f64>,
    /// The highest normal value.
    pub high: Option<f64>,
}

/// How a value stands against its reference range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Within the range.
    Normal,
    /// Below the range.
    Low,
    /// Above the range.
    High,
    /// The lab marked it abnormal without saying which way (a text result, for example).
    Abnormal,
    /// Neither a range nor the lab's interpretation says anything.
    Unknown,
}

impl Flag {
    /// Whether the value deserves attention.
    pub fn is_out_of_range(self) -> bool {
        matches!(self, Flag::Low | Flag::High | Flag::Abnormal)
    }

    /// The flag of a value: the lab's own interpretation code (HL7 v3 ObservationInterpretation:
    /// `N`, `L`, `LL`, `H`, `HH`, `A`, `AA`, …) when it gave one, else the value against the range.
    /// A bound equal to the value is within the range.
    pub fn of(
        value: Option<f64>,
        range: Option<ReferenceRange>,
        interpretation: Option<&str>,
    ) -> Flag {
        match interpretation {
            Some("N") => return Flag::Normal,
            Some("L" | "LL" | "LU" | "<") => return Flag::Low,
            Some("H" | "HH" | "HU" | ">") => return Flag::High,
            Some("A" | "AA") => return Flag::Abnormal,
            _ => {}
        }
        let (Some(v), Some(r)) = (value, range) else {
            return Flag::Unknown;
        };
        if r.low.is_none() && r.high.is_none() {
            Flag::Unknown
        } else if r.low.is_some_and(|l| v < l) {
            Flag::Low
        } else if r.high.is_some_and(|h| v > h) {
            Flag::High
        } else {
            Flag::Normal
        }
    }
}

/// One point of a series: a day and a value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// The day it was measured.
    pub date: Date,
    /// The value.
    pub value: f64,
}

/// Where to draw a chart: the plot area inside the SVG, in SVG units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// The left edge of the plot area.
    pub left: f64,
    /// The top edge.
    pub top: f64,
    /// The width of the plot area.
    pub width: f64,
    /// The height of the plot area.
    pub height: f64,
}

/// A tick on the value axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Its height in the SVG.
    pub y: f64,
    /// Its value.
    pub value: f64,
}

/// Everything the browser needs to draw a trend chart; no drawing decisions are left to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Each point's position, in the order given.
    pub points: Vec<(f64, f64)>,
    /// The reference range as a band (top y, bottom y), clipped to the plot area.
    pub band: Option<(f64, f64)>,
    /// Round values on the value axis, bottom to top.
    pub ticks: Vec<Tick>,
    /// The first and last day, for the time axis labels.
    pub span: Option<(Date, Date)>,
}

/// Lays out a chart of `points` (in time order) in `frame`: time runs left to right in
/// proportion to the days between measurements, values bottom to top on an axis with round
/// ticks that includes the reference range, so a value outside the range shows outside the band.
pub fn chart(points: &[Point], range: Option<ReferenceRange>, frame: Frame) -> Chart {
    let Some(first) = points.iter().map(|p| p.date).min() else {
        return Chart {
            points: Vec::new(),
            band: None,
            ticks: Vec::new(),
            span: None,
        };
    };
    let last = points.iter().map(|p| p.date).max().unwrap_or(first);
    let finite = |v: f64| v.is_finite().then_some(v);
    let mut values: Vec<f64> = points.iter().filter_map(|p| finite(p.value)).collect();
    if let Some(r) = range {
        values.extend(r.low.and_then(finite));
        values.extend(r.high.and_then(finite));
    }
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if lo.is_finite() && hi.is_finite() {
        (lo, hi)
    } else {
        (0.0, 1.0)
    };
    let (axis_lo, axis_hi, step) = nice_axis(lo, hi);
    let y_of = |v: f64| {
        let v = v.clamp(axis_lo, axis_hi);
        frame.top + frame.height * (1.0 - (v - axis_lo) / (axis_hi - axis_lo))
    };
    let days = (last - first).whole_days();
    let x_of = |d: Date| {
        if days == 0 {
            frame.left + frame.width / 2.0
        } else {
            frame.left + frame.width * (d - first).whole_days() as f64 / days as f64
        }
    };
    let mut ticks = Vec::new();
    let mut i = 0.0;
    loop {
        let value = axis_lo + i * step;
        if value > axis_hi + step / 2.0 {
            break;
        }
        ticks.push(Tick {
            y: y_of(value),
            value: round_to_step(value, step),
        });
        i += 1.0;
    }
    let band = range.and_then(|r| {
        if r.low.is_none() && r.high.is_none() {
            return None;
        }
        let top = r.high.and_then(finite).map_or(frame.top, y_of);
        let bottom = r
            .low
            .and_then(finite)
            .map_or(frame.top + frame.height, y_of);
        Some((top, bottom))
    });
    Chart {
        points: points
            .iter()
            .map(|p| (x_of(p.date), y_of(finite(p.value).unwrap_or(axis_lo))))
            .collect(),
        band,
        ticks,
        span: Some((first, last)),
    }
}

/// An axis from a round number below `lo` to one above `hi`, in steps of 1, 2 or 5 times a power
/// of ten, with three to eight ticks.
fn nice_axis(lo: f64, hi: f64) -> (f64, f64, f64) {
    let (lo, hi) = if hi - lo < f64::EPSILON * hi.abs().max(1.0) {
        // One value (or all equal): show it in the middle of a small span.
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() / 10.0 };
        (lo - pad, hi + pad)
    } else {
        (lo, hi)
    };
    let raw = (hi - lo) / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let axis_lo = (lo / step).floor() * step;
    let axis_hi = (hi / step).ceil() * step;
    (axis_lo, axis_hi, step)
}

/// `value` without the floating-point noise of repeated additions (0.30000000000000004 → 0.3).
fn round_to_step(value: f64, step: f64) -> f64 {
    let decimals = (-step.log10().floor()).max(0.0) as i32;
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use time::macros::date;

    const FRAME: Frame = Frame {
        left: 40.0,
        top: 10.0,
        width: 300.0,
        height: 150.0,
    };

    fn range(low: Option<f64>, high: Option<f64>) -> Option<ReferenceRange> {
        Some(ReferenceRange { low, high })
    }

    #[test]
    fn values_are_flagged_against_the_range_bounds_included() {
        let r = range(Some(3.5), Some(5.1));
        assert_eq!(Flag::of(Some(3.4), r, None), Flag::Low);
        assert_eq!(Flag::of(Some(3.5), r, None), Flag::Normal);
        assert_eq!(Flag::of(Some(5.1), r, None), Flag::Normal);
        assert_eq!(Flag::of(Some(5.2), r, None), Flag::High);
        assert_eq!(
            Flag::of(Some(7.0), range(None, Some(5.0)), None),
            Flag::High
        );
        assert_eq!(Flag::of(Some(0.1), range(Some(1.0), None), None), Flag::Low);
        assert_eq!(Flag::of(Some(1.0), range(None, None), None), Flag::Unknown);
        assert_eq!(Flag::of(Some(1.0), None, None), Flag::Unknown);
        assert_eq!(Flag::of(None, r, None), Flag::Unknown);
    }

    #[test]
    fn the_labs_interpretation_wins_over_the_range() {
        let r = range(Some(3.5), Some(5.1));
        assert_eq!(Flag::of(Some(4.0), r, Some("H")), Flag::High);
        assert_eq!(Flag::of(Some(9.0), r, Some("N")), Flag::Normal);
        assert_eq!(Flag::of(None, None, Some("LL")), Flag::Low);
        assert_eq!(Flag::of(None, None, Some("A")), Flag::Abnormal);
        // An interpretation code we do not know says nothing: the range decides.
        assert_eq!(Flag::of(Some(9.0), r, Some("IND")), Flag::High);
        assert!(Flag::Abnormal.is_out_of_range());
        assert!(!Flag::Unknown.is_out_of_range());
    }

    #[test]
    fn a_chart_places_time_left_to_right_and_values_bottom_to_top() {
        let points = [
            Point {
                date: date!(2020 - 01 - 01),
                value: 4.0,
            },
            Point {
                date: date!(2020 - 01 - 11),
                value: 6.0,
            },
            Point {
                date: date!(2020 - 01 - 21),
                value: 5.0,
            },
        ];
        let c = chart(&points, range(Some(3.5), Some(5.1)), FRAME);
        assert_eq!(c.points[0].0, FRAME.left);
        assert_eq!(c.points[1].0, FRAME.left + FRAME.width / 2.0);
        assert_eq!(c.points[2].0, FRAME.left + FRAME.width);
        assert!(c.points[1].1 < c.points[2].1 && c.points[2].1 < c.points[0].1);
        let (top, bottom) = c.band.unwrap();
        // 6.0 is above the band (a smaller y), 4.0 inside it.
        assert!(c.points[1].1 < top);
        assert!(c.points[0].1 > top && c.points[0].1 < bottom);
        let tick_values: Vec<f64> = c.ticks.iter().map(|t| t.value).collect();
        assert_eq!(tick_values, vec![3.5, 4.0, 4.5, 5.0, 5.5, 6.0]);
        assert_eq!(c.span, Some((date!(2020 - 01 - 01), date!(2020 - 01 - 21))));
    }

    #[test]
    fn one_value_or_none_still_gives_a_drawable_chart() {
        let c = chart(
            &[Point {
                date: date!(2021 - 05 - 05),
                value: 7.0,
            }],
            None,
            FRAME,
        );
        assert_eq!(
            c.points,
            vec![(
                FRAME.left + FRAME.width / 2.0,
                FRAME.top + FRAME.height / 2.0
            )]
        );
        assert!(c.ticks.len() >= 2);
        let empty = chart(&[], None, FRAME);
        assert!(empty.points.is_empty() && empty.span.is_none());
        let zero = chart(
            &[Point {
                date: date!(2021 - 05 - 05),
                value: 0.0,
            }],
            None,
            FRAME,
        );
        assert!(zero.points[0].1.is_finite());
    }

    #[test]
    fn ticks_are_round_numbers() {
        let c = chart(
            &[
                Point {
                    date: date!(2020 - 01 - 01),
                    value: 0.1,
                },
                Point {
                    date: date!(2020 - 02 - 01),
                    value: 0.7,
                },
            ],
            None,
            FRAME,
        );
        let values: Vec<f64> = c.ticks.iter().map(|t| t.value).collect();
        assert_eq!(values, vec![0.0, 0.2, 0.4, 0.6, 0.8]);
    }
}
