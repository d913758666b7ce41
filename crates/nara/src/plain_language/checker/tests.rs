//! The whole report on hand-counted texts, and the property that no input makes it panic.

use proptest::prelude::*;

use super::*;

fn glossary() -> Glossary {
    Glossary::new([("erhåll*", "få"), ("i enlighet med", "enligt"), ("beviljas", "får"), ("avseende", "om")])
}

#[test]
fn a_hand_counted_plain_text() {
    // "Du kan få hjälp med mat. Ring oss kl. 10 i dag. Vi svarar alltid."
    // Words: Du kan få hjälp med mat (6) · Ring oss kl 10 i dag (6) · Vi svarar alltid (3) = 15.
    // Sentences: 3 ("kl." does not end one). Long words (> 6 letters): none = 0.
    // LIX = 15/3 + 0 = 5.0. Different words: 15 (all) → no OVIX.
    let text = "Du kan få hjälp med mat. Ring oss kl. 10 i dag. Vi svarar alltid.";
    let report = check(text, &glossary());
    assert_eq!((report.words, report.sentences, report.long_words), (15, 3, 0));
    assert_eq!(report.lix, Some(5.0));
    assert_eq!(report.lix_band, Some(LixBand::VeryEasy));
    assert_eq!(report.ovix, None);
    assert_eq!(report.longest_sentences[0], SentenceHit { start: 0, end: 26, words: 6 });
    assert_eq!(report.abbreviations.len(), 1);
    assert!(report.bureaucratic.is_empty() && report.passives.is_empty() && report.personal_data.is_empty());
}

#[test]
fn a_hand_counted_bureaucratic_text() {
    // "Ansökan beviljas i enlighet med socialtjänstlagen avseende ekonomiskt bistånd.
    //  Den enskilde erhåller beslutet skriftligen."
    // Words: 9 + 5 = 14; sentences 2. Long words (> 6 letters): Ansökan (7), beviljas (8),
    // enlighet (8), socialtjänstlagen (17), avseende (8), ekonomiskt (10), bistånd (7),
    // enskilde (8), erhåller (8), beslutet (8), skriftligen (11) = 11.
    // LIX = 14/2 + 100·11/14 = 7 + 78.571… = 85.571…
    // Bureaucratic: beviljas, i enlighet med, avseende, erhåller = 4. Passive: beviljas = 1.
    // Long compound (≥ 16 letters): socialtjänstlagen.
    let text = "Ansökan beviljas i enlighet med socialtjänstlagen avseende ekonomiskt bistånd. \
                Den enskilde erhåller beslutet skriftligen.";
    let report = check(text, &glossary());
    assert_eq!((report.words, report.sentences, report.long_words), (14, 2, 11));
    let lix = report.lix.unwrap();
    assert!((lix - 85.571).abs() < 0.001, "{lix}");
    assert_eq!(report.lix_band, Some(LixBand::Bureaucratic));
    let found: Vec<&str> = report.bureaucratic.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(found, ["beviljas", "i enlighet med", "avseende", "erhåller"]);
    assert_eq!(report.passives.iter().map(|h| h.text.as_str()).collect::<Vec<_>>(), ["beviljas"]);
    assert_eq!(
        report.long_compounds.iter().map(|h| h.text.as_str()).collect::<Vec<_>>(),
        ["socialtjänstlagen"]
    );
}

#[test]
fn ovix_on_a_repetitive_text() {
    // "Vi ses. Vi ses. Vi ses. Vi ses. Vi ses." = 10 words, 2 different:
    // ln 10 / ln(2 − ln 2 / ln 10) = 2.302585 / ln(1.698970) = 2.302585 / 0.530024 ≈ 4.344.
    let report = check("Vi ses. Vi ses. Vi ses. Vi ses. Vi ses.", &glossary());
    let ovix = report.ovix.unwrap();
    assert!((ovix - 4.344).abs() < 0.001, "{ovix}");
    assert_eq!(report.sentences, 5);
}

#[test]
fn longest_sentences_come_first_with_their_positions() {
    // Sentence words: 2, 5, 3 → the 5-word sentence first, then 3, then 2.
    let text = "Kort mening. Den här meningen är längre. Tre ord här.";
    let report = check(text, &glossary());
    let order: Vec<(usize, &str)> =
        report.longest_sentences.iter().map(|s| (s.words, &text[s.start..s.end])).collect();
    assert_eq!(order, [(5, "Den här meningen är längre."), (3, "Tre ord här."), (2, "Kort mening.")]);
}

#[test]
fn personal_data_is_reported_by_place() {
    let text = "Kontakta Anna på 070-123 45 67 eller anna@exempel.se, pnr 811218-9876.";
    let report = check(text, &glossary());
    assert!(report.has_personal_data());
    assert_eq!(report.personal_data.len(), 3);
    assert_eq!(&text[report.personal_data[2].start..report.personal_data[2].end], "811218-9876");
}

#[test]
fn degenerate_texts_give_no_figures_rather_than_nan() {
    for text in ["", "   ", "...!!!???", "😀😀", "\u{301}\u{301}", "- - -"] {
        let report = check(text, &glossary());
        assert_eq!(report.words, 0, "{text:?}");
        assert_eq!((report.lix, report.ovix, report.nominal_quotient), (None, None, None));
        assert!(serde_json::to_string(&report).is_ok());
    }
}

fn all_finite(report: &Report) -> bool {
    [report.lix, report.ovix, report.nominal_quotient, report.mean_sentence_words, report.mean_word_letters]
        .into_iter()
        .flatten()
        .all(f64::is_finite)
}

fn positions_are_in_the_text(text: &str, report: &Report) -> bool {
    let ok = |start: usize, end: usize| start <= end && end <= text.len() && text.get(start..end).is_some();
    report.longest_sentences.iter().all(|s| ok(s.start, s.end))
        && report.long_compounds.iter().chain(&report.passives).all(|h| ok(h.start, h.end))
        && report.bureaucratic.iter().all(|h| ok(h.start, h.end))
        && report.abbreviations.iter().all(|h| ok(h.start, h.end))
        && report.personal_data.iter().all(|h| ok(h.start, h.end))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_any_string(text in any::<String>()) {
        let report = check(&text, super::super::glossary::builtin());
        prop_assert!(all_finite(&report));
        prop_assert!(positions_are_in_the_text(&text, &report));
    }

    #[test]
    fn never_panics_on_swedish_like_text(
        text in "([a-zåäöA-ZÅÄÖ]{1,12}|[0-9+@.!?…\\- \n•]|t\\.ex\\.|kl\\.|m\\.m\\.|\u{301}|😀|811218-9876|070-123 45 67|a@b\\.se){0,80}"
    ) {
        let report = check(&text, super::super::glossary::builtin());
        prop_assert!(all_finite(&report));
        prop_assert!(positions_are_in_the_text(&text, &report));
    }
}
