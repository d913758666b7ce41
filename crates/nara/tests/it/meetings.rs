//! Directory and calendar as one, on both databases through the real router: an entry's page shows
//! the meetings of the series it organises ("Träffar", next dates and places left), an area of help
//! and a search show the public series they are about, the home page never offers an area that
//! leads to nothing, and a series' page lists the meetings held with their notes.

use crate::common;
use crate::events::{series, soon};

use chrono::NaiveTime;
use common::app::TestApp;
use nara::db::Db;
use nara::directory::Entry;
use nara::events::recurrence::{End, Frequency, Rule};
use nara::events::{NewSeries, Registrant, Series, store};
use nara::help_areas::HelpArea;
use uuid::Uuid;

fn area(slug: &str, name_sv: &str, name_en: &str) -> HelpArea {
    HelpArea {
        slug: slug.into(),
        position: 1,
        name_sv: name_sv.into(),
        name_en: name_en.into(),
        summary_sv: String::new(),
        summary_en: String::new(),
    }
}

/// A published entry (unpublished when `published` is false) filed under `areas`.
async fn entry(db: &Db, slug: &str, name: &str, areas: &[&str], published: bool) -> Uuid {
    let entry = Entry {
        slug: slug.into(),
        name: name.into(),
        description_sv: format!("{name} hjälper dig."),
        areas: areas.iter().map(|a| a.to_string()).collect(),
        ..Entry::blank(published)
    };
    nara::directory::store::save_entry(db, &entry, None).await.unwrap();
    entry.id
}

/// A series of `count` weekly meetings from a week from now; the ids of its meetings.
async fn weekly(db: &Db, series: Series, count: u32) -> Vec<Uuid> {
    let rule = Rule { frequency: Frequency::Weekly { interval: 1 }, end: End::Count(count), ..soon() };
    let id = store::create_series(db, &NewSeries { series }, &rule).await.unwrap();
    store::occurrences_of(db, id).await.unwrap().into_iter().map(|o| o.id).collect()
}

async fn register(db: &Db, occurrence: Uuid, email: &str) {
    let who = Registrant {
        person_id: None,
        name: "Lena".into(),
        email: email.into(),
        needs: None,
        locale: nara::i18n::Locale::SV,
    };
    let mut tx = db.begin_write().await.unwrap();
    store::register(&mut tx, occurrence, &who).await.unwrap();
    tx.commit().await.unwrap();
}

/// The `<section>` of the "Träffar" block on a page, or `None` when the page has none.
fn meetings_block(page: &str) -> Option<&str> {
    let start = page.find("<section class=\"meetings\"")?;
    let end = page[start..].find("</section>").map(|e| start + e)?;
    Some(&page[start..end])
}

on_both_backends!(an_entry_page_shows_the_coming_meetings_of_the_series_it_organises, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let support = entry(&db, "anhorigstodet", "Anhörigstödet", &[], true).await;
    entry(&db, "fontanhuset", "Fontänhuset", &[], true).await;
    let mut group = series("anhoriga", Some(12));
    group.entry_id = Some(support);
    let meetings = weekly(&db, group, 5).await;
    // A series of the same entry that is not public is never shown.
    let mut internal = series("internt", Some(5));
    internal.title_sv = "Internt planeringsmöte".into();
    internal.public = false;
    internal.entry_id = Some(support);
    weekly(&db, internal, 2).await;

    let page = app.get("/stod/anhorigstodet", None).await.body;
    let block = meetings_block(&page).expect("the entry page has a Träffar block");
    assert!(block.contains("<h2 id=\"meetings-heading\">Träffar</h2>"), "{block}");
    assert!(block.contains("<a href=\"/kalender/anhoriga\">Självhjälpsgrupp för anhöriga</a>"), "{block}");
    assert!(block.contains("Träffpunkt Sköldenborg, Hebsackersgatan 6"), "the place: {block}");
    for position in 0..3 {
        assert!(
            block.contains(&format!("href=\"/kalender/anhoriga/{position}\"")),
            "date {position}: {block}"
        );
    }
    assert!(!block.contains("href=\"/kalender/anhoriga/3\""), "the next three dates only: {block}");
    assert_eq!(block.matches("12 platser kvar").count(), 3, "{block}");
    assert!(!page.contains("Internt planeringsmöte"), "a series that is not public");
    assert!(
        meetings_block(&app.get("/stod/fontanhuset", None).await.body).is_none(),
        "an entry with no series"
    );

    // Places left follow registrations, and a cancelled meeting gives way to the next date: the page
    // is read from memory, which every change to the events drops.
    register(&db, meetings[1], "lena@example.se").await;
    let mut tx = db.begin_write().await.unwrap();
    store::cancel_occurrence(&mut tx, meetings[0]).await.unwrap();
    tx.commit().await.unwrap();
    let page = app.get("/stod/anhorigstodet", None).await.body;
    let block = meetings_block(&page).unwrap();
    assert!(
        !block.contains("href=\"/kalender/anhoriga/0\"") && block.contains("href=\"/kalender/anhoriga/3\"")
    );
    assert!(block.contains("11 platser kvar") && block.matches("12 platser kvar").count() == 2, "{block}");

    let english = app.get("/en/stod/anhorigstodet", None).await.body;
    let block = meetings_block(&english).unwrap();
    assert!(block.contains(">Meetings</h2>") && block.contains("Self-help group for relatives"), "{block}");
    assert!(
        block.contains("href=\"/en/kalender/anhoriga/1\"") && block.contains("11 places left"),
        "{block}"
    );
});

on_both_backends!(an_area_of_help_shows_the_public_series_in_it, Migrated, |db| {
    let app = TestApp::new(db.clone());
    for (slug, sv, en) in [
        ("stod-till-anhoriga", "Stöd till anhöriga", "Support for relatives"),
        ("fritid", "Fritid", "Leisure"),
    ] {
        nara::help_areas::store::upsert(&db, &area(slug, sv, en)).await.unwrap();
    }
    entry(&db, "anhorigstodet", "Anhörigstödet", &["stod-till-anhoriga"], true).await;
    let mut group = series("anhoriga", Some(12));
    group.help_area = Some("stod-till-anhoriga".into());
    weekly(&db, group, 2).await;
    let mut walk = series("promenad", None);
    walk.title_sv = "Promenadgruppen".into();
    walk.help_area = Some("fritid".into());
    weekly(&db, walk, 1).await;

    let page = app.get("/sok?omrade=stod-till-anhoriga", None).await.body;
    assert!(page.contains("Anhörigstödet"), "the entries are still there");
    let block = meetings_block(&page).expect("the area shows its meetings");
    assert!(block.contains("Självhjälpsgrupp för anhöriga") && !block.contains("Promenadgruppen"), "{block}");
    assert!(block.contains("href=\"/kalender/anhoriga/0\"") && block.contains("12 platser kvar"), "{block}");
    assert!(block.contains("href=\"/kalender?omrade=stod-till-anhoriga\""), "the area's calendar: {block}");
    // A series without registration has dates but no places.
    let leisure = app.get("/en/sok?omrade=fritid", None).await.body;
    let block = meetings_block(&leisure).expect("Leisure shows its walk");
    assert!(block.contains("href=\"/en/kalender/promenad/0\"") && !block.contains("places left"), "{block}");
    assert!(meetings_block(&app.get("/sok", None).await.body).is_none(), "no area, no words: no block");
});

on_both_backends!(a_search_whose_words_are_about_a_series_shows_it_beside_the_hits, Migrated, |db| {
    let app = TestApp::new(db.clone());
    entry(&db, "budget", "Budget- och skuldrådgivningen", &[], true).await;
    weekly(&db, series("anhoriga", Some(12)), 1).await;
    let mut breakfast = series("frukost", Some(60));
    breakfast.title_sv = "Forskningsfrukost: samverkan med föreningar".into();
    breakfast.title_en = "Research breakfast".into();
    breakfast.summary_sv = "Forskare berättar om samverkan.".into();
    breakfast.summary_en = "Researchers on working together.".into();
    breakfast.audience_sv = "Alla som är intresserade".into();
    breakfast.audience_en = "Anyone who is interested".into();
    weekly(&db, breakfast, 1).await;
    // Matching, but nothing to come to: held once, long ago.
    let mut over = series("over", Some(10));
    over.title_sv = "Anhöriga i samtal (avslutad)".into();
    let long_ago = (chrono::Utc::now() - chrono::Duration::days(30)).date_naive();
    store::create_series(&db, &NewSeries { series: over }, &Rule { first_date: long_ago, ..soon() })
        .await
        .unwrap();

    let found = app.get("/sok?q=anh%C3%B6riga", None).await.body;
    let block = meetings_block(&found).expect("a search about relatives shows the group");
    assert!(block.contains("Självhjälpsgrupp för anhöriga") && !block.contains("avslutad"), "{block}");
    assert!(!block.contains("Forskningsfrukost") && !block.contains("?omrade="), "{block}");
    let compound = app.get("/sok?q=forskning", None).await.body;
    assert!(meetings_block(&compound).unwrap().contains("Forskningsfrukost"), "the start of a compound");
    let english = app.get("/en/sok?q=research+breakfast", None).await.body;
    assert!(meetings_block(&english).unwrap().contains("Research breakfast"));
    let debt = app.get("/sok?q=skulder", None).await.body;
    assert!(
        debt.contains("href=\"/stod/budget\"") && meetings_block(&debt).is_none(),
        "no series about debt"
    );
    assert!(meetings_block(&app.get("/sok?q=f%C3%B6r+med", None).await.body).is_none(), "stop words only");
});

on_both_backends!(an_area_on_the_home_page_never_leads_to_nothing, Migrated, |db| {
    let app = TestApp::new(db.clone());
    for (slug, name) in [
        ("boende", "Boende"),
        ("stod-till-anhoriga", "Stöd till anhöriga"),
        ("diskriminering", "Diskriminering"),
        ("fritid", "Fritid"),
    ] {
        nara::help_areas::store::upsert(&db, &area(slug, name, name)).await.unwrap();
    }
    entry(&db, "bostadsteamet", "Bostadsteamet", &["boende"], true).await;
    // Neither an unpublished entry nor a series that is over leads anywhere.
    entry(&db, "utkast", "Utkast", &["diskriminering"], false).await;
    let mut group = series("anhoriga", Some(12));
    group.help_area = Some("stod-till-anhoriga".into());
    weekly(&db, group, 1).await;
    let mut over = series("over", None);
    over.help_area = Some("fritid".into());
    let long_ago = (chrono::Utc::now() - chrono::Duration::days(30)).date_naive();
    store::create_series(&db, &NewSeries { series: over }, &Rule { first_date: long_ago, ..soon() })
        .await
        .unwrap();

    let home = app.get("/", None).await.body;
    assert!(home.contains("<a href=\"/sok?omrade=boende\">Boende</a>"), "entries: the search");
    assert!(
        home.contains("<a href=\"/kalender?omrade=stod-till-anhoriga\">Stöd till anhöriga</a>"),
        "meetings only: the calendar"
    );
    // (The footer links to the leisure bank, "Fritidsbanken": look for the areas' links.)
    assert!(
        !home.contains("omrade=diskriminering\"") && !home.contains("omrade=fritid\""),
        "nothing behind them: not offered"
    );
    let en = app.get("/en/", None).await.body;
    assert!(
        en.contains("href=\"/en/sok?omrade=boende\"")
            && en.contains("href=\"/en/kalender?omrade=stod-till-anhoriga\"")
    );

    // Where a way in leads follows the directory at once (the home page is read from memory).
    entry(&db, "byran", "Byrån mot diskriminering", &["diskriminering"], true).await;
    entry(&db, "anhorigstodet", "Anhörigstödet", &["stod-till-anhoriga"], true).await;
    let home = app.get("/", None).await.body;
    assert!(home.contains("<a href=\"/sok?omrade=diskriminering\">Diskriminering</a>"), "{home}");
    assert!(home.contains("<a href=\"/sok?omrade=stod-till-anhoriga\">Stöd till anhöriga</a>"));
    assert!(!home.contains("omrade=fritid\""));
});

on_both_backends!(a_series_page_lists_the_meetings_held_newest_first_with_their_notes, Migrated, |db| {
    let app = TestApp::new(db.clone());
    // Weekly from 85 days ago: 13 meetings held (positions 0–12), one coming (13).
    let first = (chrono::Utc::now() - chrono::Duration::days(85)).date_naive();
    let rule = Rule {
        first_date: first,
        start_time: NaiveTime::from_hms_opt(13, 30, 0).unwrap(),
        frequency: Frequency::Weekly { interval: 1 },
        end: End::Count(14),
        ..soon()
    };
    let id =
        store::create_series(&db, &NewSeries { series: series("anhoriga", Some(12)) }, &rule).await.unwrap();
    let meetings = store::occurrences_of(&db, id).await.unwrap();
    let notes = "## Vad vi pratade om\n\n- **Sömn** och ork\n\n<script>alert('x')</script>";
    store::set_notes(&db, meetings[12].id, Some(notes)).await.unwrap();
    store::set_notes(&db, meetings[10].id, Some("Kapitel 3 i boken.")).await.unwrap();
    let mut tx = db.begin_write().await.unwrap();
    store::cancel_occurrence(&mut tx, meetings[11].id).await.unwrap();
    tx.commit().await.unwrap();

    let page = app.get("/kalender/anhoriga", None).await.body;
    let past = &page[page.find("id=\"past-heading\"").expect("a section of meetings held")..];
    let at = |position: usize| past.find(&format!("href=\"/kalender/anhoriga/{position}\""));
    assert!(at(12).unwrap() < at(10).unwrap() && at(10).unwrap() < at(2).unwrap(), "newest first");
    assert!(at(11).is_none(), "a cancelled meeting was not held");
    assert!(at(1).is_none() && at(0).is_none() && at(13).is_none(), "the ten newest, none to come");
    assert!(past.contains("De 10 senaste träffarna."), "{past}");
    assert!(past.contains("<h4>Vad vi pratade om</h4>") && past.contains("<strong>Sömn</strong>"), "{past}");
    assert!(!past.contains("<script>alert"), "notes are sanitised");
    assert!(past.contains("<p>Kapitel 3 i boken.</p>"));
    assert!(past.contains("Det finns inga anteckningar från den här träffen."));
    let upcoming = &page[..page.find("id=\"past-heading\"").unwrap()];
    assert!(
        upcoming.contains("href=\"/kalender/anhoriga/13\"")
            && !upcoming.contains("href=\"/kalender/anhoriga/12\"")
    );
    let english = app.get("/en/kalender/anhoriga", None).await.body;
    assert!(english.contains(">Past meetings</h2>") && english.contains("The 10 most recent meetings."));

    // A series with nothing held yet has no such section.
    weekly(&db, series("ny", Some(5)), 1).await;
    assert!(!app.get("/kalender/ny", None).await.body.contains("past-heading"));
});
