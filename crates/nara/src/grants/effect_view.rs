//! `/personal/bidrag/effekt` (grant assessors) and `/personal/mal/foreningsbidrag` (the quality
//! office): what the grants achieve, as plain tables. Nothing here names a person: the sums come
//! from the decisions and the associations' submitted follow-ups.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use super::effect::{self, Decided, Reported, snapshot_lists};
use super::format_kronor;
use super::store::{self, DecidedRow};
use super::view::Names;
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// One line of a money table.
pub struct MoneyLine {
    pub name: String,
    pub amount: String,
}

/// One year as the tables show it.
pub struct YearView {
    pub year: i32,
    pub grants: usize,
    pub granted: String,
    pub reports: usize,
    pub activities: i64,
    pub registrations: i64,
    pub attended: i64,
    pub reached: i64,
    pub per_person: String,
    pub per_10k: String,
}

pub struct FundedView {
    pub name: String,
    pub years: String,
    pub count: usize,
    pub total: String,
}

#[derive(Template)]
#[template(path = "grants/effect.html")]
struct EffectPage<'a> {
    shell: Shell<'a>,
    by_area: Vec<MoneyLine>,
    by_target_group: Vec<MoneyLine>,
    by_district: Vec<MoneyLine>,
    years: Vec<YearView>,
    funded_again: Vec<FundedView>,
    json_href: String,
    csv_href: String,
}

fn decided(row: DecidedRow) -> Decided {
    let (areas, target_groups) = snapshot_lists(row.register_snapshot.as_deref());
    let report = (row.follow_up_status.as_deref() == Some("submitted")).then(|| {
        let reached: std::collections::BTreeMap<String, i64> =
            row.reached.as_deref().and_then(|r| serde_json::from_str(r).ok()).unwrap_or_default();
        Reported {
            activities: row.activities.unwrap_or(0),
            registrations: row.registrations.unwrap_or(0),
            attended: row.attended.unwrap_or(0),
            reached: super::follow_up::people_reached(&reached, row.attended),
        }
    });
    Decided {
        entry_id: row.entry_id,
        entry_name: row.entry_name,
        district: row.city.map(|c| c.trim().to_string()).unwrap_or_default(),
        areas,
        target_groups,
        year: chrono::Datelike::year(&crate::stockholm::date_of(row.decided_at.0)),
        granted: row.outcome == "granted",
        amount_ore: row.amount_ore,
        report,
    }
}

/// The effect view, for whichever of the two routes brought the person here.
pub async fn page(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let rows: Vec<Decided> = store::decided(&state.db).await?.into_iter().map(decided).collect();
    let summary = effect::summarise(&rows);
    let (areas, groups) =
        (Names::areas(&state.db, locale).await?, Names::target_groups(&state.db, locale).await?);
    let unknown = state.catalogues.plain_with(locale, "grants-effect-district-unknown", &[]);
    let money = |list: Vec<(String, i64)>, name: &dyn Fn(&str) -> String| -> Vec<MoneyLine> {
        list.into_iter()
            .map(|(key, ore)| MoneyLine { name: name(&key), amount: format_kronor(ore) })
            .collect()
    };
    let dash = || "–".to_string();
    let page = EffectPage {
        shell: ctx.shell(&state),
        by_area: money(summary.by_area, &|s| areas.of(s)),
        by_target_group: money(summary.by_target_group, &|s| groups.of(s)),
        by_district: money(summary.by_district, &|d| {
            if d.is_empty() { unknown.clone() } else { d.to_string() }
        }),
        years: summary
            .years
            .iter()
            .map(|y| YearView {
                year: y.year,
                grants: y.grants,
                granted: format_kronor(y.granted_ore),
                reports: y.reports,
                activities: y.activities,
                registrations: y.registrations,
                attended: y.attended,
                reached: y.reached,
                per_person: y.ore_per_person().map_or_else(dash, format_kronor),
                per_10k: y.people_per_10k().map_or_else(dash, |n| n.to_string()),
            })
            .collect(),
        funded_again: summary
            .funded_again
            .into_iter()
            .map(|f| FundedView {
                count: f.years.len(),
                years: f.years.iter().map(i32::to_string).collect::<Vec<_>>().join(", "),
                total: format_kronor(f.total_ore),
                name: f.name,
            })
            .collect(),
        json_href: "/api/v1/grants".into(),
        csv_href: "/api/v1/grants.csv".into(),
    };
    Ok(render(&page)?.into_response())
}
