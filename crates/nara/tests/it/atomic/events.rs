//! Meetings and events: registering and cancelling, theme suggestions, the organiser's pages and
//! the private calendar feed. Each scenario makes a series of its own, organised by a unit of its
//! own, so one run never takes another's places.

use std::sync::Arc;

use nara::events::recurrence::{End, Frequency, Rule};
use nara::events::{NewSeries, store};

use super::{Request, World};
use crate::events::{PDF, organiser, series, soon};

pub const ROUTES: &[&str] = &[
    "/kalender/{slug}/{position}/anmalan",
    "/kalender/{slug}/foresla-tema",
    "/anmalan/{token}/avboka",
    "/anmalan/{token}/avboka-alla",
    "/arrangor/{slug}/forslag/{id}/anta",
    "/arrangor/{slug}/forslag/{id}/avsla",
    "/arrangor/{slug}/{position}/tema",
    "/arrangor/{slug}/{position}/stall-in",
    "/arrangor/{slug}/{position}/flytta",
    "/arrangor/{slug}/{position}/dagordning",
    "/arrangor/{slug}/{position}/anteckningar",
    "/arrangor/{slug}/{position}/narvaro",
    "/arrangor/{slug}/{position}/dokument",
    "/mina-sidor/kalender",
    "/mina-sidor/kalender/stang-av",
];

/// A new weekly series of three meetings with places for two, and its organiser's session.
struct Series {
    slug: String,
    organiser: String,
    meetings: Vec<uuid::Uuid>,
}

impl Series {
    async fn new(w: &World) -> Self {
        let slug = w.unique("serie");
        let (organiser, unit) = organiser(&w.db, &format!("{}@example.se", w.unique("arr"))).await;
        let mut new = series(&slug, Some(2));
        new.organiser_unit_id = Some(unit);
        new.has_themes = true;
        let rule = Rule { frequency: Frequency::Weekly { interval: 1 }, end: End::Count(3), ..soon() };
        let id = store::create_series(&w.db, &NewSeries { series: new }, &rule).await.unwrap();
        let meetings = store::occurrences_of(&w.db, id).await.unwrap().into_iter().map(|o| o.id).collect();
        Self { slug, organiser, meetings }
    }

    /// `route` with this series' address and its first meeting.
    fn path(&self, route: &str) -> String {
        route.replace("{slug}", &self.slug).replace("{position}", "0")
    }

    /// Registers someone new for the first meeting, or all three; the page of the registration.
    async fn register(&self, w: &World, all: bool) -> String {
        let email = format!("{}@example.se", w.unique("deltagare"));
        let mut form = vec![("name", "Lena"), ("email", email.as_str())];
        if all {
            form.push(("omfattning", "alla"));
        }
        let made = w.app.post(&self.path("/kalender/{slug}/{position}/anmalan"), &form, None).await;
        assert!(made.location().starts_with("/anmalan/"), "registered: {}", made.status);
        made.location().to_string()
    }

    /// Suggests a theme as someone who wants to hear back; the suggestion's id.
    async fn suggestion(&self, w: &World) -> uuid::Uuid {
        let text = w.unique("Tema ");
        let form = [("suggestion", text.as_str()), ("email", "sam@example.se")];
        w.app.post(&self.path("/kalender/{slug}/foresla-tema"), &form, None).await;
        let series = store::series_by_slug(&w.db, &self.slug).await.unwrap().unwrap();
        let all = store::suggestions(&w.db, series.id).await.unwrap();
        all.into_iter().find(|s| s.suggestion == text).expect("the suggestion is kept").id
    }
}

pub async fn prepare(route: &'static str, w: Arc<World>) -> Request {
    let series = Series::new(&w).await;
    let path = series.path(route);
    let organiser = Some(series.organiser.as_str());
    match route {
        "/kalender/{slug}/{position}/anmalan" => Request::post(
            path,
            &[("name", "Lena"), ("email", "lena@example.se"), ("needs", "Hörslinga")],
            None,
        ),
        "/kalender/{slug}/foresla-tema" => {
            Request::post(path, &[("suggestion", "Ensamhet"), ("email", "sam@example.se")], None)
        }
        "/anmalan/{token}/avboka" | "/anmalan/{token}/avboka-alla" => {
            // Two places: the third waits, and the cancellation moves them up and tells them.
            let all = route.ends_with("alla");
            let first = series.register(&w, all).await;
            series.register(&w, all).await;
            series.register(&w, all).await;
            Request::post(format!("{first}/{}", route.rsplit('/').next().unwrap()), &[], None)
        }
        "/arrangor/{slug}/forslag/{id}/anta" | "/arrangor/{slug}/forslag/{id}/avsla" => {
            let id = series.suggestion(&w).await;
            Request::post(path.replace("{id}", &id.to_string()), &[("position", "0")], organiser)
        }
        "/arrangor/{slug}/{position}/tema" => {
            Request::post(path, &[("theme_sv", "Sömn"), ("theme_en", "Sleep")], organiser)
        }
        "/arrangor/{slug}/{position}/stall-in" => {
            series.register(&w, false).await;
            Request::post(path, &[], organiser)
        }
        "/arrangor/{slug}/{position}/flytta" => {
            series.register(&w, false).await;
            let date = (chrono::Utc::now() + chrono::Duration::days(40)).date_naive().to_string();
            Request::post(path, &[("datum", &date), ("start", "18:00"), ("slut", "19:30")], organiser)
        }
        "/arrangor/{slug}/{position}/dagordning" => Request::post(
            path,
            &[("agenda_sv", "Välkommen\nFika"), ("agenda_en", "Welcome\nCoffee")],
            organiser,
        ),
        "/arrangor/{slug}/{position}/anteckningar" => {
            Request::post(path, &[("notes", "## Vi pratade om\n\n- **sömn**")], organiser)
        }
        "/arrangor/{slug}/{position}/narvaro" => {
            series.register(&w, false).await;
            let came = store::registrations_for(&w.db, series.meetings[0]).await.unwrap()[0].id.to_string();
            Request::post(path, &[("narvarande", &came)], organiser)
        }
        "/arrangor/{slug}/{position}/dokument" => Request::multipart(
            path,
            &[("titel", None, "Dagordning".as_bytes()), ("fil", Some("dagordning.pdf"), PDF)],
            organiser,
        ),
        "/mina-sidor/kalender" | "/mina-sidor/kalender/stang-av" => {
            let (id, _) = w.person(&[]).await;
            let session = w.session(id).await;
            if route.ends_with("stang-av") {
                w.app.post("/mina-sidor/kalender", &[], Some(&session)).await;
            }
            Request::post(route, &[], Some(&session))
        }
        other => panic!("no scenario for {other}"),
    }
}
