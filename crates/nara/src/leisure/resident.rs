//! The borrower's own page of loans (`/mina-sidor/lan`): what is reserved and until when it can be
//! picked up, what is lent and when it is due, renewing once, and the waitlists they are on (and
//! leaving one).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::access;
use super::store::{self, LoanRow};
use crate::audit::Action;
use crate::i18n::{Locale, format_stockholm};
use crate::web::errors::{AppError, render};
use crate::web::form::{INVALID, Query};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

pub const MY_LOANS: &str = "/mina-sidor/lan";

/// A loan on the borrower's page.
pub struct LoanView {
    pub id: Uuid,
    pub kind: String,
    pub place: String,
    pub state_key: &'static str,
    /// "Hämta senast …" or "Lämna tillbaka senast …", or empty.
    pub when: String,
    pub may_renew: bool,
}

pub fn loan_view(shell: &Shell<'_>, loan: &LoanRow, place: String) -> LoanView {
    let locale = shell.locale();
    let name = if locale == Locale::EN { &loan.name_en } else { &loan.name_sv };
    let kind = if loan.size.is_empty() { name.clone() } else { format!("{name} ({})", loan.size) };
    let (state_key, when) = match loan.state.as_str() {
        "reserved" => (
            "leisure-loan-reserved",
            shell.t1("leisure-pick-up-by", "when", &format_stockholm(loan.pickup_by)),
        ),
        "lent" => (
            "leisure-loan-lent",
            loan.due_on
                .map(|d| shell.t1("leisure-due-on", "date", &d.format("%Y-%m-%d").to_string()))
                .unwrap_or_default(),
        ),
        "returned" => ("leisure-loan-returned", String::new()),
        "lost" => ("leisure-loan-lost", String::new()),
        _ => ("leisure-loan-expired", String::new()),
    };
    LoanView {
        id: loan.id,
        kind,
        place,
        state_key,
        when,
        may_renew: loan.state == "lent" && loan.renewals == 0,
    }
}

#[derive(Template)]
#[template(path = "leisure/my_loans.html")]
struct MyLoansPage<'a> {
    shell: Shell<'a>,
    loans: Vec<LoanView>,
    waiting: Vec<Waiting>,
    notice: Option<&'static str>,
    problem: Option<Problem>,
}

/// A waitlist place on the borrower's page.
pub struct Waiting {
    pub type_id: Uuid,
    pub kind: String,
    pub place: i64,
}

/// Why the borrower's last action was refused: the summary's title and the message, as shown.
pub struct Problem {
    pub title: String,
    pub message: String,
}

impl Problem {
    pub fn renewal(shell: &Shell<'_>, refusal: super::RenewRefusal) -> Self {
        Self { title: shell.t("leisure-renew-refused"), message: shell.t(refusal.message_key()) }
    }

    /// The limit on reservations and waitlist places ([`super::MAX_OPEN_PER_PERSON`]).
    pub fn at_limit(shell: &Shell<'_>) -> Self {
        Self {
            title: shell.t("leisure-reserve-refused"),
            message: shell.tn("leisure-error-limit", "max", &super::MAX_OPEN_PER_PERSON),
        }
    }
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    klart: Option<String>,
}

/// The page, with a notice after something went through or a problem (and a 4xx) when it did not.
pub async fn page(
    state: &AppState,
    ctx: &PageContext,
    notice: Option<&'static str>,
    problem: Option<Problem>,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let shell = ctx.shell(state);
    let places = store::places(&state.db).await?;
    let place_name =
        |id: Uuid| places.iter().find(|p| p.id == id).map(|p| p.name.clone()).unwrap_or_default();
    let loans = store::loans_of(&state.db, me)
        .await?
        .iter()
        .map(|l| loan_view(&shell, l, place_name(l.place_id)))
        .collect();
    let locale = ctx.location.locale;
    let waiting = store::waiting_of(&state.db, me)
        .await?
        .into_iter()
        .map(|(type_id, sv, en, size, place)| {
            let name = if locale == Locale::EN { en } else { sv };
            let kind = if size.is_empty() { name } else { format!("{name} ({size})") };
            Waiting { type_id, kind, place }
        })
        .collect();
    let status = if problem.is_some() { INVALID } else { axum::http::StatusCode::OK };
    Ok((status, render(&MyLoansPage { shell, loans, waiting, notice, problem })?).into_response())
}

/// `GET /mina-sidor/lan`.
pub async fn my_loans(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let notice = match query.klart.as_deref() {
        Some("reserverad") => Some("leisure-notice-reserved"),
        Some("kolista") => Some("leisure-notice-waiting"),
        Some("forlangd") => Some("leisure-notice-renewed"),
        Some("lamnat-kon") => Some("leisure-notice-left-waitlist"),
        _ => None,
    };
    page(&state, &ctx, notice, None).await
}

/// `POST /mina-sidor/lan/{loan}/forlang`: one renewal, while nobody waits for the kind.
pub async fn renew(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let loan = access::own_loan(&state, &ctx, id).await?;
    let mut tx = state.db.begin_write().await?;
    match store::renew(&mut tx, &loan, crate::stockholm::today()).await? {
        Ok(_) => {
            let me = ctx.person()?.person.id;
            let event = access::event(&ctx, Action::LeisureRenewed, "leisure_loan", loan.id).subject(me);
            crate::audit::store::append(&mut tx, &event).await?;
            tx.commit().await?;
            Ok(Redirect::to(&format!("{}?klart=forlangd", ctx.href(MY_LOANS))).into_response())
        }
        Err(refusal) => {
            drop(tx);
            let problem = Problem::renewal(&ctx.shell(&state), refusal);
            page(&state, &ctx, None, Some(problem)).await
        }
    }
}

/// `POST /mina-sidor/lan/ko/{kind}/lamna`: the borrower leaves a kind's waitlist; everyone behind
/// them moves up a place. Not waiting for it (or someone else's place) is "not found".
pub async fn leave_waitlist(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(kind): Path<Uuid>,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    if !store::leave_waitlist(&mut tx, kind, me).await? {
        return Err(AppError::NotFound);
    }
    let event = access::event(&ctx, Action::LeisureWaitlistLeft, "leisure_item_type", kind).subject(me);
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=lamnat-kon", ctx.href(MY_LOANS))).into_response())
}
