//! `/api/v1/grants` (JSON) and `/api/v1/grants.csv`: the grant decisions as open data. Decisions
//! only (no applications in progress), and nobody's personal data: the association's name, the
//! programme, the year, the amount, the register's areas of help and target groups as they were
//! when it applied, its district and the day of the decision.

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::effect::snapshot_lists;
use super::money::kronor_field;
use super::store::{self, DecidedRow};
use crate::web::errors::AppError;
use crate::web::state::AppState;

/// One decision as open data.
#[derive(Debug, Serialize, Deserialize)]
pub struct OpenDecision {
    pub association: String,
    pub programme: String,
    pub programme_name: String,
    pub year: i32,
    pub outcome: String,
    pub amount_ore: i64,
    /// The amount in kronor with two decimals (`150000.00`).
    pub amount_kronor: String,
    pub areas: Vec<String>,
    pub target_groups: Vec<String>,
    pub district: Option<String>,
    pub decided_on: String,
}

impl OpenDecision {
    fn new(row: DecidedRow) -> Self {
        let (areas, target_groups) = snapshot_lists(row.register_snapshot.as_deref());
        let decided_on = crate::stockholm::date_of(row.decided_at.0);
        Self {
            association: row.entry_name,
            programme: row.programme_slug,
            programme_name: row.programme_name_sv,
            year: chrono::Datelike::year(&decided_on),
            outcome: row.outcome,
            amount_ore: row.amount_ore,
            amount_kronor: format!("{}.{:02}", row.amount_ore / 100, row.amount_ore % 100),
            areas,
            target_groups,
            district: row.city.filter(|c| !c.trim().is_empty()),
            decided_on: decided_on.format("%Y-%m-%d").to_string(),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct OpenDecisions {
    pub total: usize,
    pub decisions: Vec<OpenDecision>,
}

/// The decisions on associations the register shows: one it hides is not named here either.
async fn open_decisions(state: &AppState) -> Result<Vec<OpenDecision>, AppError> {
    let decided = store::decided(&state.db).await?;
    Ok(decided.into_iter().filter(|d| d.published).map(OpenDecision::new).collect())
}

/// `GET /api/v1/grants`: every decision, oldest first.
pub async fn json(State(state): State<AppState>) -> Result<Response, AppError> {
    let decisions = open_decisions(&state).await?;
    Ok(Json(OpenDecisions { total: decisions.len(), decisions }).into_response())
}

/// `GET /api/v1/grants.csv`: the same, as Swedish Excel opens it (amounts with a decimal comma).
pub async fn csv(State(state): State<AppState>) -> Result<Response, AppError> {
    let header = [
        "forening",
        "program",
        "programnamn",
        "ar",
        "utfall",
        "belopp_ore",
        "belopp_kronor",
        "omraden",
        "malgrupper",
        "stadsdel",
        "beslutsdag",
    ];
    let rows = open_decisions(&state).await?.into_iter().map(|d| {
        vec![
            d.association,
            d.programme,
            d.programme_name,
            d.year.to_string(),
            d.outcome,
            d.amount_ore.to_string(),
            kronor_field(d.amount_ore),
            d.areas.join(","),
            d.target_groups.join(","),
            d.district.unwrap_or_default(),
            d.decided_on,
        ]
    });
    let body = crate::formats::csv::write(&header, rows)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"foreningsbidrag.csv\""),
        ],
        body,
    )
        .into_response())
}
