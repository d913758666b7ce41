//! The application, assembled at the top: the route table (every route of the application with the
//! access it requires) and the layers every response passes through. The router is built from this
//! table only, so a route cannot exist without a policy entry, and the access matrix test walks the
//! same table. Only `server`, `cli` and the tests import this module; features never do.

use std::time::Duration;

use axum::Router;
use axum::handler::Handler;
use axum::http::Method;
use axum::http::{HeaderName, Request, StatusCode};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{MethodRouter, get, post};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::i18n::Locale;
use crate::identity::Role;
use crate::policy::Access;
use crate::web::state::AppState;
use crate::web::{assets, auth, errors, health, metrics, pages, security};
use crate::{
    accounts, admin, applications, assignments, audit, bookings, cases, directory, events, goals, grants,
    ideas, leisure, media, my_pages, oidc, plain_language, plans, reporters, surveys,
};

/// One row of the table.
pub struct Route {
    pub method: Method,
    /// The path within a language (`/mina-sidor`); localized routes also exist under `/en`.
    pub path: &'static str,
    pub localized: bool,
    pub access: Access,
    handler: MethodRouter<AppState>,
}

impl Route {
    fn new<H, T>(method: Method, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let handler = if method == Method::POST { post(handler) } else { get(handler) };
        Self { method, path, localized: true, access, handler }
    }

    /// A machine-facing route with one address in every language.
    fn unlocalized(mut self) -> Self {
        self.localized = false;
        self
    }

    /// A larger request body than the usual 2 MB, for a route that takes uploads.
    fn body_limit(mut self, bytes: usize) -> Self {
        self.handler = self.handler.layer(axum::extract::DefaultBodyLimit::max(bytes));
        self
    }

    /// The concrete addresses of this route.
    pub fn paths(&self) -> Vec<String> {
        if self.localized {
            Locale::all().map(|l| l.href(self.path)).collect()
        } else {
            vec![self.path.to_string()]
        }
    }
}

fn get_route<H: Handler<T, AppState>, T: 'static>(path: &'static str, access: Access, handler: H) -> Route {
    Route::new(Method::GET, path, access, handler)
}

fn post_route<H: Handler<T, AppState>, T: 'static>(path: &'static str, access: Access, handler: H) -> Route {
    Route::new(Method::POST, path, access, handler)
}

/// Every route of the application.
pub fn table() -> Vec<Route> {
    use Access::{Public, SignedIn};
    let admin = Access::Role(Role::Admin);
    let reviewer = Access::Role(Role::LogReviewer);
    let staff = Access::Role(Role::Staff);
    let organiser = Access::Role(Role::Organiser);
    let assessor = Access::Role(Role::GrantAssessor);
    let quality = Access::Role(Role::Quality);
    let leisure_staff = Access::Role(Role::LeisureStaff);
    let reporter = Access::Role(Role::Reporter);
    let coordinator = Access::Role(Role::Coordinator);
    vec![
        get_route("/", Public, pages::home),
        get_route("/tillganglighet", Public, pages::accessibility),
        get_route("/healthz", Public, health::healthz).unlocalized(),
        get_route("/readyz", Public, health::readyz).unlocalized(),
        get_route("/static/{version}/{name}", Public, assets::serve).unlocalized(),
        get_route("/bild/{image}", Public, media::web::serve).unlocalized(),
        // Logging in and out, local accounts.
        get_route("/logga-in", Public, accounts::login::form),
        post_route("/logga-in", Public, accounts::login::submit),
        get_route("/logga-in/e-legitimation/{provider}", Public, oidc::flow::start),
        get_route(oidc::flow::CALLBACK_PATH, Public, oidc::flow::callback).unlocalized(),
        post_route("/logga-ut", SignedIn, accounts::logout::this_session),
        post_route("/logga-ut/overallt", SignedIn, accounts::logout::everywhere),
        post_route("/session/forlang", SignedIn, accounts::logout::extend),
        get_route("/skapa-konto", Public, accounts::register::form),
        post_route("/skapa-konto", Public, accounts::register::submit),
        get_route("/verifiera-epost/{token}", Public, accounts::verify::form),
        post_route("/verifiera-epost/{token}", Public, accounts::verify::submit),
        get_route("/glomt-losenord", Public, accounts::reset::request_form),
        post_route("/glomt-losenord", Public, accounts::reset::request_submit),
        get_route("/nytt-losenord/{token}", Public, accounts::reset::choose_form),
        post_route("/nytt-losenord/{token}", Public, accounts::reset::choose_submit),
        get_route("/inbjudan/{token}", Public, accounts::invitation::form),
        post_route("/inbjudan/{token}", Public, accounts::invitation::submit),
        // The directory of support.
        get_route("/sok", Public, directory::web::search),
        get_route("/stod/{slug}", Public, directory::web::entry),
        get_route("/api/v1/organisations", Public, directory::web::open_json).unlocalized(),
        get_route("/api/v1/organisations.csv", Public, directory::web::open_csv).unlocalized(),
        get_route("/api/v1/grants", Public, grants::open_data::json).unlocalized(),
        get_route("/api/v1/grants.csv", Public, grants::open_data::csv).unlocalized(),
        post_route(plain_language::api::PATH, Public, plain_language::api::check).unlocalized(),
        get_route("/personal/katalog/statistik", staff, directory::web::stats),
        post_route("/stod/{slug}/foretrada", SignedIn, directory::stewards::claim),
        get_route("/forening", SignedIn, directory::my_associations::page),
        get_route("/forening/ny", SignedIn, directory::stewards::register_form),
        post_route("/forening/ny", SignedIn, directory::stewards::register_submit),
        get_route("/forening/{slug}/redigera", SignedIn, directory::stewards::edit_form),
        post_route("/forening/{slug}/redigera", SignedIn, directory::stewards::edit_submit),
        post_route("/forening/{slug}/bekrafta", SignedIn, directory::stewards::confirm),
        post_route("/forening/{slug}/hanvisning", SignedIn, directory::stewards::suggest_referral),
        get_route("/personal/katalog", staff, directory::stewards::worklist),
        get_route("/personal/katalog/ord", staff, directory::vocabulary::staff::list),
        get_route("/personal/katalog/ord/ny", staff, directory::vocabulary::staff::new_form),
        post_route("/personal/katalog/ord/ny", staff, directory::vocabulary::staff::create),
        get_route("/personal/katalog/ord/{id}", staff, directory::vocabulary::staff::edit_form),
        post_route("/personal/katalog/ord/{id}", staff, directory::vocabulary::staff::update),
        post_route("/personal/katalog/ord/{id}/ta-bort", staff, directory::vocabulary::staff::remove),
        get_route("/personal/katalog/import", staff, directory::import::form),
        post_route("/personal/katalog/import", staff, directory::import::submit),
        post_route("/personal/katalog/foretradare/{id}/{decision}", staff, directory::stewards::decide_claim),
        post_route("/personal/katalog/andringar/{id}/{decision}", staff, directory::stewards::decide_change),
        post_route(
            "/personal/katalog/hanvisningar/{from}/{to}/{decision}",
            staff,
            directory::stewards::decide_referral,
        ),
        // Meetings and events.
        get_route("/kalender", Public, events::calendar::calendar),
        get_route("/kalender.ics", Public, events::web::feed_all),
        get_route("/kalender.atom", Public, events::web::feed_atom),
        get_route("/kalender/{slug}", Public, events::web::series),
        get_route("/kalender/{slug}/kalender.ics", Public, events::web::feed_series),
        get_route("/kalender/{slug}/{position}", Public, events::web::occurrence),
        get_route("/kalender/{slug}/{position}/kalender.ics", Public, events::web::feed_occurrence),
        get_route("/kalender/{slug}/{position}/dokument/{id}", Public, events::documents::download),
        get_route("/kalender/min/{token}/kalender.ics", Public, events::private_feed::feed).unlocalized(),
        post_route("/kalender/{slug}/{position}/anmalan", Public, events::web::register),
        get_route("/kalender/{slug}/foresla-tema", Public, events::suggestions::form),
        post_route("/kalender/{slug}/foresla-tema", Public, events::suggestions::submit),
        get_route("/anmalan/{token}", Public, events::web::registration),
        post_route("/anmalan/{token}/avboka", Public, events::web::cancel),
        post_route("/anmalan/{token}/avboka-alla", Public, events::web::cancel_all),
        get_route("/arrangor", organiser, events::organiser::list),
        get_route("/arrangor/{slug}/forslag", organiser, events::suggestions::list),
        post_route("/arrangor/{slug}/forslag/{id}/anta", organiser, events::suggestions::accept),
        post_route("/arrangor/{slug}/forslag/{id}/avsla", organiser, events::suggestions::decline),
        get_route("/arrangor/{slug}/{position}", organiser, events::organiser::occurrence),
        post_route("/arrangor/{slug}/{position}/tema", organiser, events::organiser::set_theme),
        post_route("/arrangor/{slug}/{position}/stall-in", organiser, events::organiser::cancel),
        post_route("/arrangor/{slug}/{position}/flytta", organiser, events::organiser::move_occurrence),
        post_route("/arrangor/{slug}/{position}/dagordning", organiser, events::organiser::set_agenda),
        post_route("/arrangor/{slug}/{position}/anteckningar", organiser, events::organiser::set_notes),
        post_route("/arrangor/{slug}/{position}/narvaro", organiser, events::organiser::set_attendance),
        post_route("/arrangor/{slug}/{position}/dokument", organiser, events::documents::upload),
        get_route("/arrangor/{slug}/{position}/deltagare.csv", organiser, events::organiser::export_csv),
        // My pages.
        get_route("/mina-sidor", SignedIn, my_pages::overview),
        post_route("/mina-sidor/sprak", SignedIn, my_pages::set_language),
        get_route("/mina-sidor/logg", SignedIn, my_pages::access_log),
        get_route("/mina-sidor/mina-uppgifter", SignedIn, my_pages::export::page),
        get_route("/mina-sidor/mina-uppgifter.json", SignedIn, my_pages::export::json),
        get_route("/mina-sidor/kalender", SignedIn, events::private_feed::show),
        post_route("/mina-sidor/kalender", SignedIn, events::private_feed::create),
        post_route("/mina-sidor/kalender/stang-av", SignedIn, events::private_feed::revoke),
        // The resident's cases and record (ownership checked through the policy module).
        // Applying: the resident's own applications (ownership checked through the policy module).
        get_route("/mina-sidor/ansok", SignedIn, applications::resident::forms),
        post_route("/mina-sidor/ansok/{form}", SignedIn, applications::resident::start),
        get_route("/mina-sidor/ansokningar/{application}", SignedIn, applications::resident::show),
        get_route(
            "/mina-sidor/ansokningar/{application}/steg/{step}",
            SignedIn,
            applications::resident::step,
        ),
        post_route(
            "/mina-sidor/ansokningar/{application}/steg/{step}",
            SignedIn,
            applications::resident::save_step,
        )
        .body_limit(applications::files::MAX_STEP_REQUEST_BYTES),
        post_route("/mina-sidor/ansokningar/{application}/skicka", SignedIn, applications::resident::submit),
        post_route("/mina-sidor/ansokningar/{application}/ta-bort", SignedIn, applications::resident::delete),
        get_route(
            "/mina-sidor/ansokningar/{application}/aterkalla",
            SignedIn,
            applications::resident::withdraw_form,
        ),
        post_route(
            "/mina-sidor/ansokningar/{application}/aterkalla",
            SignedIn,
            applications::resident::withdraw,
        ),
        get_route(
            "/mina-sidor/ansokningar/{application}/filer/{file}",
            SignedIn,
            applications::resident::file,
        ),
        get_route("/mina-sidor/arenden", SignedIn, cases::resident::my_cases),
        get_route("/mina-sidor/arenden/{case}", SignedIn, cases::resident::case),
        post_route("/mina-sidor/arenden/{case}/anteckning", SignedIn, cases::resident::add_note),
        post_route("/mina-sidor/arenden/{case}/meddelande", SignedIn, cases::resident::send_message)
            .body_limit(applications::files::MAX_STEP_REQUEST_BYTES),
        get_route("/mina-sidor/arenden/{case}/filer/{file}", SignedIn, cases::resident::message_file),
        get_route("/mina-sidor/arenden/{case}/journal/{entry}", SignedIn, cases::resident::entry),
        post_route("/mina-sidor/arenden/{case}/journal/{entry}", SignedIn, cases::resident::comment),
        // Meetings with the contact person (ownership checked through the case).
        get_route("/mina-sidor/arenden/{case}/boka", SignedIn, bookings::resident::form),
        post_route("/mina-sidor/arenden/{case}/boka", SignedIn, bookings::resident::submit),
        get_route("/mina-sidor/bokningar/{booking}", SignedIn, bookings::resident::show),
        get_route("/mina-sidor/bokningar/{booking}/kalender.ics", SignedIn, bookings::resident::calendar),
        post_route("/mina-sidor/bokningar/{booking}/avboka", SignedIn, bookings::resident::cancel),
        // The case officer's back office (the case's unit checked through the policy module).
        get_route("/handlaggare", staff, cases::officer::worklist),
        get_route("/handlaggare/arenden/{case}", staff, cases::officer::case),
        post_route("/handlaggare/arenden/{case}/journal", staff, cases::officer::write_entry),
        get_route("/handlaggare/arenden/{case}/journal/{entry}", staff, cases::officer::entry),
        post_route("/handlaggare/arenden/{case}/journal/{entry}", staff, cases::officer::correct_entry),
        post_route("/handlaggare/arenden/{case}/status", staff, cases::officer::change_status),
        post_route("/handlaggare/arenden/{case}/meddelande", staff, cases::officer::send_message),
        post_route("/handlaggare/arenden/{case}/overlamna", staff, cases::officer::hand_over),
        post_route("/handlaggare/arenden/{case}/avsluta", staff, cases::officer::close),
        // The case record's placements and youth sentences, which the board's goals count.
        post_route("/handlaggare/arenden/{case}/placeringar", staff, cases::officer::add_placement),
        post_route("/handlaggare/arenden/{case}/placeringar/avsluta", staff, cases::officer::end_placement),
        post_route("/handlaggare/arenden/{case}/pafoljder", staff, cases::officer::add_sentence),
        post_route("/handlaggare/arenden/{case}/pafoljder/avsluta", staff, cases::officer::end_sentence),
        // Coordinated individual plans (SIP): staff of a participating unit, the resident on my
        // pages (each plan checked through the policy module; others get "not found").
        get_route("/handlaggare/arenden/{case}/planer", staff, plans::staff::case_plans),
        post_route("/handlaggare/arenden/{case}/planer", staff, plans::staff::create),
        get_route("/handlaggare/planer/{plan}", staff, plans::staff::plan),
        post_route("/handlaggare/planer/{plan}/enheter", staff, plans::staff::add_unit),
        post_route("/handlaggare/planer/{plan}/deltagare", staff, plans::staff::add_outside),
        post_route("/handlaggare/planer/{plan}/mal", staff, plans::staff::add_goal),
        post_route("/handlaggare/planer/{plan}/atgarder", staff, plans::staff::add_action),
        post_route("/handlaggare/planer/{plan}/atgarder/{action}/klar", staff, plans::staff::action_done),
        post_route("/handlaggare/planer/{plan}/uppfoljning", staff, plans::staff::set_follow_up),
        post_route("/handlaggare/planer/{plan}/uppfoljd", staff, plans::staff::followed_up),
        get_route("/mina-sidor/planer", SignedIn, plans::resident::my_plans),
        get_route("/mina-sidor/planer/{plan}", SignedIn, plans::resident::plan),
        post_route("/mina-sidor/planer/{plan}/min-syn", SignedIn, plans::resident::write_view),
        post_route("/mina-sidor/planer/{plan}/godkann", SignedIn, plans::resident::agree),
        get_route("/handlaggare/arenden/{case}/bilagor/{file}", staff, applications::staff::case_file),
        get_route("/handlaggare/arenden/{case}/meddelandefiler/{file}", staff, cases::officer::message_file),
        get_route("/handlaggare/ansokningsformular", staff, applications::staff::list),
        post_route("/handlaggare/ansokningsformular", staff, applications::staff::create),
        get_route("/handlaggare/ansokningsformular/{form}", staff, applications::staff::editor),
        post_route("/handlaggare/ansokningsformular/{form}", staff, applications::staff::publish),
        post_route("/handlaggare/ansokningsformular/{form}/oppen", staff, applications::staff::set_open),
        get_route("/handlaggare/tider", staff, bookings::officer::availability),
        post_route("/handlaggare/tider", staff, bookings::officer::add_window),
        post_route("/handlaggare/tider/blockera", staff, bookings::officer::block_date),
        post_route("/handlaggare/tider/telefon", staff, bookings::officer::set_phone_hours),
        post_route("/handlaggare/tider/{window}/ta-bort", staff, bookings::officer::remove_window),
        post_route("/handlaggare/bokningar/{booking}/avboka", staff, bookings::officer::cancel),
        // Association grants: the programmes in public, applying by an association's approved
        // representatives (checked through the policy module; others get "not found"), and the
        // grant assessors' pages.
        get_route("/bidrag", Public, grants::public::programmes),
        get_route("/bidrag/{slug}", Public, grants::public::programme),
        get_route("/forening/{slug}/bidrag", SignedIn, grants::association::list),
        post_route("/forening/{slug}/bidrag/ny", SignedIn, grants::association::start),
        get_route("/forening/{slug}/bidrag/{application}", SignedIn, grants::association::show),
        post_route("/forening/{slug}/bidrag/{application}", SignedIn, grants::association::save)
            .body_limit(grants::MAX_REQUEST_BYTES),
        post_route("/forening/{slug}/bidrag/{application}/skicka", SignedIn, grants::association::submit),
        post_route(
            "/forening/{slug}/bidrag/{application}/aterkalla",
            SignedIn,
            grants::association::withdraw,
        ),
        get_route("/forening/{slug}/bidrag/{application}/filer/{file}", SignedIn, grants::association::file),
        get_route("/forening/{slug}/bidrag/{application}/aterrapport", SignedIn, grants::reporting::show),
        post_route("/forening/{slug}/bidrag/{application}/aterrapport", SignedIn, grants::reporting::save),
        get_route("/personal/bidrag", assessor, grants::staff::overview),
        get_route("/personal/bidrag/beslut.csv", assessor, grants::staff::decisions_csv),
        get_route("/personal/bidrag/effekt", assessor, grants::effect_view::page),
        get_route("/personal/bidrag/program", assessor, grants::staff::new_programme),
        post_route("/personal/bidrag/program", assessor, grants::staff::create_programme),
        get_route("/personal/bidrag/program/{slug}", assessor, grants::staff::programme_editor),
        post_route("/personal/bidrag/program/{slug}", assessor, grants::staff::publish_version),
        get_route("/personal/bidrag/ansokningar/{application}", assessor, grants::staff::application),
        post_route(
            "/personal/bidrag/ansokningar/{application}/jav",
            assessor,
            grants::staff::declare_conflict,
        ),
        post_route("/personal/bidrag/ansokningar/{application}/bedomning", assessor, grants::staff::score),
        post_route("/personal/bidrag/ansokningar/{application}/beslut", assessor, grants::staff::decide),
        post_route(
            "/personal/bidrag/ansokningar/{application}/utbetalning",
            assessor,
            grants::staff::record_payment,
        ),
        get_route("/personal/bidrag/ansokningar/{application}/filer/{file}", assessor, grants::staff::file),
        // Ideas (Idéslussen): public campaigns and ideas; proposing and voting by eligibility, the
        // council by its per-campaign membership, tests by their group (all through the policy).
        get_route("/ideer", Public, ideas::web::campaigns),
        get_route("/ideer/{campaign}", Public, ideas::web::campaign),
        get_route("/ideer/{campaign}/flode.atom", Public, ideas::web::feed),
        get_route("/ideer/forslag/{proposal}", Public, ideas::web::idea),
        post_route("/ideer/{campaign}/anmalan", staff, ideas::web::sign_up),
        get_route("/ideer/{campaign}/nytt-forslag", SignedIn, ideas::proposals::new_form),
        post_route("/ideer/{campaign}/nytt-forslag", SignedIn, ideas::proposals::create),
        get_route("/ideer/forslag/{proposal}/redigera", SignedIn, ideas::proposals::edit_form),
        post_route("/ideer/forslag/{proposal}/redigera", SignedIn, ideas::proposals::update),
        post_route("/ideer/forslag/{proposal}/medforfattare", SignedIn, ideas::web::add_coauthor),
        post_route("/ideer/forslag/{proposal}/kommentar", SignedIn, ideas::web::comment),
        post_route("/ideer/forslag/{proposal}/folj", SignedIn, ideas::web::follow),
        get_route("/ideer/{campaign}/rad", SignedIn, ideas::council::page),
        post_route("/ideer/forslag/{proposal}/beslut", SignedIn, ideas::council::decide),
        get_route("/ideer/{campaign}/rosta", SignedIn, ideas::vote::form),
        post_route("/ideer/{campaign}/rosta", SignedIn, ideas::vote::cast),
        post_route("/ideer/forslag/{proposal}/test", staff, ideas::tests::start),
        post_route("/ideer/tester/{test}/ga-med", SignedIn, ideas::tests::join),
        post_route("/ideer/tester/{test}/logg", SignedIn, ideas::tests::write_log),
        post_route("/ideer/tester/{test}/utgift", SignedIn, ideas::tests::spend),
        post_route("/ideer/tester/{test}/avsluta", SignedIn, ideas::tests::close),
        get_route("/personal/ideer", staff, ideas::manage::page),
        post_route("/personal/ideer", staff, ideas::manage::create),
        post_route("/personal/ideer/{campaign}/rad", staff, ideas::manage::add_member),
        // Surveys: the link in an invitation is the key (no log-in needed); my pages open one
        // of mine; staff record an interview from the case; staff and administrators build them
        // (checked through the policy module).
        get_route("/enkat/tack", Public, surveys::resident::thanks),
        get_route("/enkat/{token}", Public, surveys::resident::page),
        post_route("/enkat/{token}", Public, surveys::resident::submit),
        post_route("/enkat/{token}/fraga-inte", Public, surveys::resident::opt_out_by_link),
        post_route("/mina-sidor/enkater/fraga-inte", SignedIn, surveys::resident::opt_out_mine),
        post_route("/mina-sidor/enkater/{invitation}", SignedIn, surveys::resident::open_mine),
        get_route("/handlaggare/arenden/{case}/intervju", staff, surveys::staff::form),
        post_route("/handlaggare/arenden/{case}/intervju", staff, surveys::staff::submit),
        get_route("/personal/enkater", SignedIn, surveys::builder::list),
        get_route("/personal/enkater/{survey}", SignedIn, surveys::builder::survey),
        post_route("/personal/enkater/{survey}/utkast", SignedIn, surveys::builder::create_draft),
        post_route("/personal/enkater/{survey}/fragor", SignedIn, surveys::builder::add_question),
        get_route("/personal/enkater/{survey}/fragor/{question}", SignedIn, surveys::builder::question),
        post_route("/personal/enkater/{survey}/fragor/{question}", SignedIn, surveys::builder::save_question),
        post_route(
            "/personal/enkater/{survey}/fragor/{question}/flytta",
            SignedIn,
            surveys::builder::move_question,
        ),
        post_route(
            "/personal/enkater/{survey}/fragor/{question}/ta-bort",
            SignedIn,
            surveys::builder::remove_question,
        ),
        post_route("/personal/enkater/{survey}/publicera", SignedIn, surveys::builder::publish),
        // The leisure bank: items and reserving in public, the borrower's loans on my pages (their
        // own only, through `leisure::access`), the desk for leisure staff.
        get_route("/fritidsbanken", Public, leisure::public::items),
        post_route("/fritidsbanken/reservera", SignedIn, leisure::public::reserve),
        get_route("/mina-sidor/lan", SignedIn, leisure::resident::my_loans),
        post_route("/mina-sidor/lan/{loan}/forlang", SignedIn, leisure::resident::renew),
        post_route("/mina-sidor/lan/ko/{kind}/lamna", SignedIn, leisure::resident::leave_waitlist),
        get_route("/personal/fritidsbanken", leisure_staff, leisure::staff::desk),
        get_route("/personal/fritidsbanken/skanna", leisure_staff, leisure::staff::scan),
        get_route("/personal/fritidsbanken/artikel/{code}", leisure_staff, leisure::staff::item),
        get_route("/personal/fritidsbanken/artikel/{code}/etikett", leisure_staff, leisure::staff::label),
        post_route("/personal/fritidsbanken/artikel/{code}/lamna-ut", leisure_staff, leisure::staff::lend),
        post_route(
            "/personal/fritidsbanken/artikel/{code}/ta-emot",
            leisure_staff,
            leisure::staff::take_back,
        ),
        post_route("/personal/fritidsbanken/artikel/{code}/steg", leisure_staff, leisure::staff::next_step),
        post_route("/personal/fritidsbanken/artikel/{code}/foto", leisure_staff, leisure::photos::upload)
            .body_limit(media::MAX_UPLOAD_BYTES + 64 * 1024),
        post_route(
            "/personal/fritidsbanken/artikel/{code}/foto/ta-bort",
            leisure_staff,
            leisure::photos::remove,
        ),
        post_route("/personal/fritidsbanken/timmar/{work}/godkann", leisure_staff, leisure::staff::sign_off),
        // Leisure staff and the quality office (checked in the handler: either role).
        get_route("/personal/fritidsbanken/statistik", SignedIn, leisure::statistics::page),
        get_route("/personal/fritidsbanken/statistik.csv", SignedIn, leisure::statistics::export_csv),
        // Work for participants and their supervisors (checked through the policy module).
        get_route("/fritidsbanken/uppgifter", SignedIn, leisure::work::board),
        get_route("/fritidsbanken/uppgifter/{code}", SignedIn, leisure::work::task),
        post_route("/fritidsbanken/uppgifter/{code}", SignedIn, leisure::work::record),
        // Citizen reporters: published articles in public; a reporter's own articles (each checked
        // through the policy module; another's do not exist for them); the coordinator as editor.
        get_route("/artiklar", Public, reporters::public::list),
        get_route("/artiklar.atom", Public, reporters::public::feed),
        get_route("/artiklar/{slug}", Public, reporters::public::article),
        get_route("/invanarreporter", reporter, reporters::writing::home),
        post_route("/invanarreporter/namn", reporter, reporters::writing::set_byline),
        get_route("/invanarreporter/ny", reporter, reporters::writing::new_form),
        post_route("/invanarreporter/ny", reporter, reporters::writing::create),
        get_route("/invanarreporter/artiklar/{article}", reporter, reporters::writing::edit_form),
        post_route("/invanarreporter/artiklar/{article}", reporter, reporters::writing::update),
        post_route(
            "/invanarreporter/artiklar/{article}/intervjuad",
            reporter,
            reporters::writing::add_interviewee,
        ),
        post_route("/invanarreporter/artiklar/{article}/bild", reporter, reporters::image::upload)
            .body_limit(media::MAX_UPLOAD_BYTES + 64 * 1024),
        // The plain-language word list: the coordinator and plain-language reviewers (policy).
        get_route("/personal/klarsprak/ord", SignedIn, plain_language::word_list::web::list),
        get_route("/personal/klarsprak/ord/ny", SignedIn, plain_language::word_list::web::new_form),
        post_route("/personal/klarsprak/ord/ny", SignedIn, plain_language::word_list::web::create),
        get_route("/personal/klarsprak/ord/{id}", SignedIn, plain_language::word_list::web::edit_form),
        post_route("/personal/klarsprak/ord/{id}", SignedIn, plain_language::word_list::web::update),
        post_route("/personal/klarsprak/ord/{id}/ta-bort", SignedIn, plain_language::word_list::web::remove),
        // The plain-language group's text review: who may have which text is decided in `policy`.
        get_route("/personal/klarsprak", SignedIn, plain_language::review::pages::overview),
        get_route("/personal/klarsprak/ny", SignedIn, plain_language::review::author::new_form),
        post_route("/personal/klarsprak/ny", SignedIn, plain_language::review::author::submit)
            .body_limit(plain_language::review::author::MAX_REQUEST_BYTES),
        get_route("/personal/klarsprak/texter/{text}", SignedIn, plain_language::review::pages::text),
        post_route(
            "/personal/klarsprak/texter/{text}/version",
            SignedIn,
            plain_language::review::author::new_version,
        ),
        post_route(
            "/personal/klarsprak/texter/{text}/svar",
            SignedIn,
            plain_language::review::author::answer,
        ),
        post_route("/personal/klarsprak/texter/{text}/ta", SignedIn, plain_language::review::reviewing::take),
        post_route(
            "/personal/klarsprak/texter/{text}/tilldela",
            SignedIn,
            plain_language::review::reviewing::assign,
        ),
        post_route(
            "/personal/klarsprak/texter/{text}/kommentar",
            SignedIn,
            plain_language::review::reviewing::comment,
        ),
        post_route(
            "/personal/klarsprak/texter/{text}/beslut",
            SignedIn,
            plain_language::review::reviewing::decide,
        ),
        get_route("/samordnare", coordinator, reporters::editing::overview),
        get_route("/samordnare/artiklar/{article}", coordinator, reporters::editing::review),
        post_route("/samordnare/artiklar/{article}", coordinator, reporters::editing::decide),
        // Paid assignments: the engaged person's own (each checked through the policy module;
        // another's do not exist for them), the coordinator's month, and recruitment.
        get_route("/mina-uppdrag", SignedIn, assignments::mine::list),
        get_route("/mina-uppdrag/{assignment}", SignedIn, assignments::mine::show),
        post_route("/mina-uppdrag/{assignment}", SignedIn, assignments::mine::log),
        post_route("/mina-uppdrag/{assignment}/ta-bort", SignedIn, assignments::mine::delete),
        get_route("/samordnare/uppdrag", coordinator, assignments::coordinating::overview),
        post_route("/samordnare/uppdrag", coordinator, assignments::coordinating::engage),
        post_route("/samordnare/uppdrag/godkann", coordinator, assignments::coordinating::approve),
        get_route("/samordnare/uppdrag.csv", coordinator, assignments::coordinating::export_csv),
        get_route("/samordnare/intresseanmalningar", coordinator, assignments::recruitment::list),
        get_route("/bli-medarbetare", Public, assignments::recruitment::form),
        post_route("/bli-medarbetare", Public, assignments::recruitment::submit),
        // Administration.
        get_route("/admin", admin, admin::people),
        post_route("/admin/bjud-in", admin, admin::invite),
        get_route("/admin/personer/{id}", admin, admin::person),
        post_route("/admin/personer/{id}/roller", admin, admin::grant_role),
        post_route("/admin/personer/{id}/roller/ta-bort", admin, admin::revoke_role),
        post_route("/admin/personer/{id}/inaktivera", admin, admin::deactivate),
        // The municipality's set-up: `{register}` is `enheter`, `omraden` or `malgrupper`.
        get_route("/admin/{register}", admin, admin::setup::list),
        post_route("/admin/{register}", admin, admin::setup::create),
        get_route("/admin/{register}/{slug}", admin, admin::setup::item),
        post_route("/admin/{register}/{slug}", admin, admin::setup::save),
        post_route("/admin/{register}/{slug}/ta-bort", admin, admin::setup::remove),
        // The board's goals: the quality office's dashboard, and everyone's results page.
        get_route("/personal/mal", quality, goals::staff::dashboard),
        get_route("/personal/mal.csv", quality, goals::staff::export_csv),
        get_route("/personal/mal/foreningsbidrag", quality, grants::effect_view::page),
        get_route("/resultat", Public, goals::public::results),
        // Log review.
        get_route("/granskning/logg", reviewer, audit::review::form),
        post_route("/granskning/logg", reviewer, audit::review::search),
        post_route("/granskning/logg.csv", reviewer, audit::review::export_csv),
    ]
}

/// The router made from the table, each route behind the guard with its access.
fn table_router(state: &AppState) -> Router<AppState> {
    let mut router = Router::new();
    for route in table() {
        let guarded = route
            .handler
            .clone()
            .route_layer(axum::middleware::from_fn_with_state((state.clone(), route.access), auth::guard));
        for path in route.paths() {
            router = router.route(&path, guarded.clone());
        }
    }
    router
}

/// Limits that protect the server from slow or oversized requests.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub request_timeout: Duration,
    pub max_body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { request_timeout: Duration::from_secs(30), max_body_bytes: 8 * 1024 * 1024 }
    }
}

/// The whole application.
pub fn router(state: AppState, limits: Limits) -> Router {
    let mut routes = table_router(&state).fallback(pages::not_found);
    for locale in Locale::all().filter(|l| !l.is_default()) {
        let home = locale.href("/");
        routes = routes.route(&locale.prefix(), get(move || async move { Redirect::permanent(&home) }));
    }
    with_layers(routes, state, limits)
}

static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Wraps routes in the layers every response passes through, outermost first. Public so that
/// tests can put extra routes (one that panics, one that is slow) behind the real stack.
pub fn with_layers(routes: Router<AppState>, state: AppState, limits: Limits) -> Router {
    let metrics = state.metrics.clone();
    let panics = state.metrics.clone();
    let layers = ServiceBuilder::new()
        .map_request(security::drop_client_request_id::<axum::body::Body>)
        .layer(SetRequestIdLayer::new(REQUEST_ID.clone(), MakeRequestUuid))
        .layer(TraceLayer::new_for_http().make_span_with(request_span).on_response(log_response))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID.clone()))
        .layer(axum::middleware::from_fn_with_state(metrics, metrics::track))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::add_security_headers))
        .layer(axum::middleware::from_fn_with_state(state.clone(), errors::render_error_pages))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::refuse_cross_site))
        .layer(CatchPanicLayer::custom(move |_panic| {
            // The panic message may hold data from the request: count it, do not log it.
            panics.record_panic();
            tracing::error!("a handler panicked");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.request_timeout))
        .layer(RequestBodyLimitLayer::new(limits.max_body_bytes));
    routes.layer(layers).with_state(state)
}

/// The one line a request writes at `info`: its status and how long it took, inside the request's
/// span (id, method, route pattern). Kept short: under load the log is written per request.
fn log_response<B>(response: &axum::http::Response<B>, latency: std::time::Duration, _: &tracing::Span) {
    let ms = latency.as_secs_f64() * 1000.0;
    tracing::info!(status = response.status().as_u16(), ms = %format_args!("{ms:.2}"));
}

/// The span every log line of a request carries: its id, method and route pattern. The concrete
/// path and query are left out on purpose: they could carry a person's data.
fn request_span<B>(request: &Request<B>) -> tracing::Span {
    let id = request.headers().get(&REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
    let route = request.extensions().get::<axum::extract::MatchedPath>().map_or("unmatched", |p| p.as_str());
    tracing::info_span!("request", id, method = %request.method(), route)
}
