//! A goal's shares as a bar chart, drawn on the server as SVG: only the geometry is computed here
//! (whole pixels in a fixed view box); `templates/goals/chart.html` draws it with its title,
//! description and text labels, so nothing is told by colour alone.

/// The view box: 0 % at `BOTTOM`, 100 % at `TOP`, bars between `LEFT` and `WIDTH - RIGHT`.
pub const WIDTH: i64 = 640;
pub const HEIGHT: i64 = 260;
const TOP: i64 = 20;
const BOTTOM: i64 = 220;
const LEFT: i64 = 48;
const RIGHT: i64 = 8;

/// One period's bar; `height` is 0 where there is no share to draw (suppressed, or no answers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
    /// The centre of the bar, where its period and value are written.
    pub middle: i64,
    /// Where the value is written: just above the bar.
    pub value_y: i64,
    pub period: String,
    /// The value as written on the chart (`74 %`, or a dash).
    pub value: String,
    /// Below the target: drawn hatched as well as labelled.
    pub below: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub bars: Vec<Bar>,
    pub target_y: i64,
    pub axis_y: i64,
    pub left: i64,
    pub right: i64,
    /// Grid lines at 0, 50 and 100 %: (y, label).
    pub grid: Vec<(i64, String)>,
    /// Where the period labels are written.
    pub period_y: i64,
}

fn y_of(percent: i64) -> i64 {
    BOTTOM - (BOTTOM - TOP) * percent.clamp(0, 100) / 100
}

/// The chart of `rows` (period, share in percent if shown, the value's text) against `target` %.
pub fn bars(rows: &[(String, Option<i64>, String)], target: u32) -> Chart {
    let slot = (WIDTH - LEFT - RIGHT) / (rows.len().max(1) as i64);
    let width = slot * 3 / 5;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (period, percent, value))| {
            let x = LEFT + slot * i as i64 + (slot - width) / 2;
            let y = percent.map_or(BOTTOM, y_of);
            Bar {
                x,
                y,
                width,
                height: BOTTOM - y,
                middle: x + width / 2,
                value_y: y - 4,
                period: period.clone(),
                value: value.clone(),
                below: percent.is_some_and(|p| p < i64::from(target)),
            }
        })
        .collect();
    Chart {
        bars,
        target_y: y_of(i64::from(target)),
        axis_y: BOTTOM,
        left: LEFT,
        right: WIDTH - RIGHT,
        grid: [0, 50, 100].into_iter().map(|p| (y_of(p), format!("{p} %"))).collect(),
        period_y: BOTTOM + 18,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_stand_on_the_axis_at_their_share_and_the_target_is_a_line() {
        let rows = vec![
            ("2026-Q1".to_string(), Some(100), "100 %".to_string()),
            ("2026-Q2".to_string(), Some(50), "50 %".to_string()),
            ("2026-Q3".to_string(), None, "–".to_string()),
            ("2026-Q4".to_string(), Some(0), "0 %".to_string()),
        ];
        let chart = bars(&rows, 70);
        assert_eq!(chart.target_y, 220 - 140);
        let heights: Vec<i64> = chart.bars.iter().map(|b| b.height).collect();
        assert_eq!(heights, vec![200, 100, 0, 0]);
        assert!(chart.bars.iter().all(|b| b.y + b.height == chart.axis_y));
        let below: Vec<bool> = chart.bars.iter().map(|b| b.below).collect();
        assert_eq!(below, vec![false, true, false, true], "a hidden share is neither above nor below");
        assert!(chart.bars.windows(2).all(|w| w[0].x + w[0].width < w[1].x), "bars do not overlap");
        assert!(chart.bars.last().unwrap().x + chart.bars.last().unwrap().width <= chart.right);
    }
}
