//! The indicators against values computed by hand.

use super::*;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn unit(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn start(unit_id: Uuid, first: &str, foster_after: Option<i64>, open: bool) -> EmergencyStart {
    let first_on = date(first);
    EmergencyStart {
        unit_id,
        first_on,
        foster_on: foster_after.map(|d| first_on + chrono::Days::new(d as u64)),
        open,
    }
}

#[test]
fn periods_are_months_or_quarters_of_a_year() {
    assert_eq!(Granularity::Quarter.period_of(date("2026-03-31")), "2026-Q1");
    assert_eq!(Granularity::Quarter.period_of(date("2026-04-01")), "2026-Q2");
    assert_eq!(Granularity::Month.period_of(date("2026-12-05")), "2026-12");
    assert_eq!(Granularity::Quarter.periods_of(2026), ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    assert_eq!(Granularity::Month.periods_of(2026).len(), 12);
    assert_eq!(Granularity::parse(None), Some(Granularity::Quarter));
    assert_eq!(Granularity::parse(Some("manad")), Some(Granularity::Month));
    assert_eq!(Granularity::parse(Some("vecka")), None);
}

#[test]
fn a_week_belongs_to_the_period_of_its_monday() {
    // 2026-W01 starts on Monday 29 December 2025; 2026-W14 on 30 March.
    assert_eq!(monday_of_week("2026-W01"), Some(date("2025-12-29")));
    assert_eq!(monday_of_week("2026-W14"), Some(date("2026-03-30")));
    assert_eq!(monday_of_week("2026-W54"), None);
    assert_eq!(monday_of_week("vecka 3"), None);
}

#[test]
fn usefulness_over_generated_weekly_answers() {
    // Unit A: 10 answers every week of 2026, 7 of them yes; unit B: 3 answers a week, all yes, only
    // in even weeks. Weeks 02–14 have their Monday in Q1 (13 weeks), 15–27 in Q2 (13 weeks)…
    let (a, b) = (unit(1), unit(2));
    let mut weekly = Vec::new();
    for week in 1..=53 {
        weekly.push(UnitCount { unit_id: a, period: format!("2026-W{week:02}"), hits: 7, total: 10 });
        if week % 2 == 0 {
            weekly.push(UnitCount { unit_id: b, period: format!("2026-W{week:02}"), hits: 3, total: 3 });
        }
    }
    let counts = regroup(&weekly, Granularity::Quarter);
    let q1_a = counts.iter().find(|c| c.unit_id == a && c.period == "2026-Q1").unwrap();
    assert_eq!((q1_a.hits, q1_a.total), (91, 130));
    // Even weeks 02..14: 7 of them.
    let q1_b = counts.iter().find(|c| c.unit_id == b && c.period == "2026-Q1").unwrap();
    assert_eq!((q1_b.hits, q1_b.total), (21, 21));
    // W01 is December 2025's; 2026 has 53 weeks, W53 starts 28 December.
    assert!(counts.iter().any(|c| c.period == "2025-Q4"));
    let figures = figures(Goal::Usefulness, &counts, &Granularity::Quarter.periods_of(2026), 5);
    let q1 = &figures.by_period.rows[0].1;
    assert_eq!((q1.hits, q1.total, q1.percent()), (112, 151, Some(74)));
    assert_eq!(q1.reaches(70), Some(true));
    // The year: A 52 weeks (W02–W53) of 7/10, B 26 even weeks of 3/3.
    assert_eq!((figures.by_period.total.hits, figures.by_period.total.total), (364 + 78, 520 + 78));
    assert_eq!(figures.by_unit.rows.len(), 2);
    assert_eq!(figures.by_unit.rows[0].1.percent(), Some(70));
    assert_eq!(figures.by_unit.rows[1].1.percent(), Some(100));
}

#[test]
fn foster_homes_within_183_days_of_the_first_emergency_home() {
    let (a, b) = (unit(1), unit(2));
    let starts = vec![
        start(a, "2026-01-10", Some(10), false),
        start(a, "2026-01-20", Some(100), false),
        start(a, "2026-02-01", Some(183), false),
        start(a, "2026-02-02", Some(184), false),
        start(a, "2026-03-01", Some(300), false),
        // Still in the emergency home, more than 183 days on: not reached.
        start(a, "2026-03-15", None, true),
        // Left the emergency home without needing a foster home: not counted.
        start(a, "2026-03-20", None, false),
        // In the emergency home for less than 183 days by "today": not counted yet.
        start(b, "2026-10-01", None, true),
        start(b, "2026-04-01", Some(30), true),
    ];
    let counts = foster_home_counts(&starts, date("2026-12-05"), Granularity::Quarter);
    assert_eq!(
        counts,
        vec![
            UnitCount { unit_id: a, period: "2026-Q1".into(), hits: 3, total: 6 },
            UnitCount { unit_id: b, period: "2026-Q2".into(), hits: 1, total: 1 },
        ]
    );
    let figures = figures(Goal::FosterHome, &counts, &Granularity::Quarter.periods_of(2026), 5);
    let (q1, q2) = (figures.by_period.rows[0].1, figures.by_period.rows[1].1);
    assert_eq!((q1.hits, q1.total, q2.hits, q2.total), (3, 6, 1, 1));
    // Q2 has one child: hidden, and Q1 with it (the total would give it back), the total of 7 shown.
    assert!(q2.hidden && q1.hidden);
    assert_eq!((q1.percent(), q1.reaches(100)), (None, None));
    let unhidden = Cell { hidden: false, ..q1 };
    assert_eq!((unhidden.percent(), unhidden.reaches(100)), (Some(50), Some(false)));
    assert_eq!(
        (figures.by_period.total.hits, figures.by_period.total.total, figures.by_period.total.hidden),
        (4, 7, false)
    );
    assert_eq!(figures.by_period.rows[1].1.percent(), None);
}

#[test]
fn completed_youth_sentences_among_those_ended() {
    let (a, b) = (unit(1), unit(2));
    let ended = |unit_id, day: &str, completed, count| EndedSentences {
        unit_id,
        ended_on: date(day),
        completed,
        count,
    };
    let rows = vec![
        ended(a, "2026-01-31", true, 19),
        ended(a, "2026-02-01", false, 1),
        ended(b, "2026-05-05", true, 4),
        ended(b, "2026-06-30", false, 2),
        ended(b, "2026-07-01", true, 10),
    ];
    assert_eq!(sentence_counts(&rows, Granularity::Month).len(), 5, "one a unit and month");
    let counts = sentence_counts(&rows, Granularity::Quarter);
    let figures = figures(Goal::YouthSentences, &counts, &Granularity::Quarter.periods_of(2026), 5);
    let cells: Vec<(i64, i64, Option<i64>)> =
        figures.by_period.rows.iter().map(|(_, c)| (c.hits, c.total, c.percent())).collect();
    assert_eq!(cells, vec![(19, 20, Some(95)), (4, 6, Some(67)), (10, 10, Some(100)), (0, 0, None)]);
    assert_eq!(figures.by_period.rows[0].1.reaches(95), Some(true));
    assert_eq!(figures.by_unit.rows[1].1.percent(), Some(88), "14 of 16");
}

#[test]
fn shares_round_half_up_and_targets_use_the_exact_fraction() {
    let cell = |hits, total| Cell { hits, total, hidden: false };
    assert_eq!(cell(1, 8).percent(), Some(13), "12.5 %");
    assert_eq!(cell(2, 3).percent(), Some(67));
    // 69.6 % is shown as 70 % but does not reach 70 %.
    assert_eq!(cell(348, 500).percent(), Some(70));
    assert_eq!(cell(348, 500).reaches(70), Some(false));
    assert_eq!(cell(0, 0).percent(), None);
    assert_eq!(Cell { hits: 3, total: 4, hidden: true }.percent(), None);
}

#[test]
fn free_text_is_offered_only_for_units_shown() {
    let (a, b, c) = (unit(1), unit(2), unit(3));
    let counts = vec![
        UnitCount { unit_id: a, period: "2026-Q1".into(), hits: 3, total: 3 },
        UnitCount { unit_id: b, period: "2026-Q1".into(), hits: 8, total: 9 },
        UnitCount { unit_id: c, period: "2026-Q1".into(), hits: 30, total: 40 },
    ];
    let figures = figures(Goal::Usefulness, &counts, &Granularity::Quarter.periods_of(2026), 5);
    // a is small, b hidden as its complement: only c's free text may be shown.
    assert_eq!(free_text_units(&figures.by_unit), vec![c]);
}

#[test]
fn the_way_in_s_use_per_period() {
    let week = |week: &str, visits, searches, no_results| crate::directory::CountsWeek {
        week: week.into(),
        searches,
        views: 0,
        no_results,
        visits,
    };
    let weeks = vec![
        week("2026-W02", 100, 40, 4),
        week("2026-W14", 10, 10, 1),
        week("2026-W15", 5, 0, 0),
        week("2025-W40", 9, 9, 9),
    ];
    let rows = usage(&weeks, &Granularity::Quarter.periods_of(2026), Granularity::Quarter);
    assert_eq!(rows[0], Usage { period: "2026-Q1".into(), visits: 110, searches: 50, no_results: 5 });
    assert_eq!(rows[0].missed_percent(), Some(10));
    assert_eq!(rows[1].missed_percent(), None);
    assert_eq!(rows[1].visits, 5);
}
