//! Ideas (*Idéslussen*): a campaign collects rich proposals from staff, residents and
//! associations; a council named for the campaign shortlists them with a reason for every one; the
//! eligible vote once in a secret ballot; the chosen proposals are tried for a week by a small group
//! with a coach, a budget and a daily log, and closed only with their lessons and a named owner for
//! what comes next. Every proposal's page shows that whole path.
//!
//! The seed's lessons are the requirements: proposals were too thin (so a proposal is checked part
//! by part before it is sent, [`check_proposal`]), proposers were lost on the way (so they are told
//! of every step by e-mail), and the work was not published (so every idea's page is public, with a
//! feed per campaign). The rules here are pure; `store` holds the SQL, `access` the load-and-check,
//! `web`, `council`, `vote` and `tests` the pages. Who may do what is decided in `policy`.

pub mod access;
pub mod calendar;
pub mod council;
pub mod manage;
pub mod notify;
pub mod proposals;
pub mod store;
pub mod tests;
pub mod vote;
pub mod web;

use chrono::NaiveDate;

/// The longest text of one part of a proposal, a comment or a lesson.
pub const MAX_TEXT_CHARS: usize = 4_000;
/// The longest title or name.
pub const MAX_NAME_CHARS: usize = 160;

/// Who may take part in a campaign (propose and vote).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Eligibility {
    pub staff: bool,
    pub residents: bool,
    pub associations: bool,
}

/// The three kinds of work of the seed's Bootcamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Learn more about what people who use the services experience.
    Explore,
    /// A simple test of a specific idea.
    Test,
    /// Spread a way of working that works to more staff.
    ScaleUp,
}

impl Category {
    pub const ALL: [Category; 3] = [Category::Explore, Category::Test, Category::ScaleUp];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Explore => "explore",
            Category::Test => "test",
            Category::ScaleUp => "scale_up",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Category::Explore => "idea-category-explore",
            Category::Test => "idea-category-test",
            Category::ScaleUp => "idea-category-scale-up",
        }
    }
}

/// Where a proposal is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Seen by its authors only.
    Draft,
    /// Public, waiting for the council.
    Submitted,
    /// The council took it to the vote.
    Shortlisted,
    /// The council did not; the reason is public.
    Declined,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Shortlisted => "shortlisted",
            Status::Declined => "declined",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Status::Draft, Status::Submitted, Status::Shortlisted, Status::Declined]
            .into_iter()
            .find(|s| s.as_str() == text)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Status::Draft => "idea-status-draft",
            Status::Submitted => "idea-status-submitted",
            Status::Shortlisted => "idea-status-shortlisted",
            Status::Declined => "idea-status-declined",
        }
    }
}

/// One part of the proposal form: its field, how short it may be when the proposal is sent, and
/// the messages for a part left out, too short or too long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Problem,
    Whose,
    Voices,
    Try,
    Signs,
    People,
}

impl Part {
    pub const ALL: [Part; 7] =
        [Part::Title, Part::Problem, Part::Whose, Part::Voices, Part::Try, Part::Signs, Part::People];

    /// The form field (and the id the error summary links to).
    pub fn field(self) -> &'static str {
        match self {
            Part::Title => "title",
            Part::Problem => "problem",
            Part::Whose => "whose",
            Part::Voices => "voices",
            Part::Try => "try",
            Part::Signs => "signs",
            Part::People => "people",
        }
    }

    /// The fewest characters a sent proposal has in this part: enough for a sentence or two,
    /// so that the council and the group do not have to guess (the seed's "too vague and thin").
    pub fn min_chars(self) -> usize {
        match self {
            Part::Title => 8,
            Part::Problem => 80,
            Part::Whose => 15,
            Part::Voices => 60,
            Part::Try => 60,
            Part::Signs => 40,
            Part::People => 10,
        }
    }

    pub fn max_chars(self) -> usize {
        if self == Part::Title { MAX_NAME_CHARS } else { MAX_TEXT_CHARS }
    }

    pub fn missing_key(self) -> &'static str {
        match self {
            Part::Title => "idea-error-title-missing",
            Part::Problem => "idea-error-problem-missing",
            Part::Whose => "idea-error-whose-missing",
            Part::Voices => "idea-error-voices-missing",
            Part::Try => "idea-error-try-missing",
            Part::Signs => "idea-error-signs-missing",
            Part::People => "idea-error-people-missing",
        }
    }

    pub fn short_key(self) -> &'static str {
        match self {
            Part::Title => "idea-error-title-short",
            Part::Problem => "idea-error-problem-short",
            Part::Whose => "idea-error-whose-short",
            Part::Voices => "idea-error-voices-short",
            Part::Try => "idea-error-try-short",
            Part::Signs => "idea-error-signs-short",
            Part::People => "idea-error-people-short",
        }
    }

    pub fn long_key(self) -> &'static str {
        if self == Part::Title { "idea-error-title-long" } else { "idea-error-text-long" }
    }
}

/// A proposal's texts as written (trimmed), sent or not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProposalText {
    pub category: Option<Category>,
    pub title: String,
    pub problem: String,
    pub whose: String,
    pub voices: String,
    /// A link to what was heard: an event on this site (`/kalender/…`) or an interview elsewhere.
    pub heard_link: Option<String>,
    pub try_in_week: String,
    pub signs: String,
    pub people: String,
    pub money_ore: i64,
}

impl ProposalText {
    pub fn part(&self, part: Part) -> &str {
        match part {
            Part::Title => &self.title,
            Part::Problem => &self.problem,
            Part::Whose => &self.whose,
            Part::Voices => &self.voices,
            Part::Try => &self.try_in_week,
            Part::Signs => &self.signs,
            Part::People => &self.people,
        }
    }
}

/// What is wrong with a proposal, field by field: (field, message key), in the form's order.
pub type Problems = Vec<(&'static str, &'static str)>;

/// How far a proposal is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checking {
    /// A draft: only what could never be kept (too long, money over the cap) is refused.
    Draft,
    /// Sent to the council: every part is there and long enough.
    Send,
}

/// Every problem of a proposal, each named: parts left out or too short (when it is sent), too
/// long, a link that is not one, money over the campaign's cap.
pub fn check_proposal(text: &ProposalText, cap_ore: i64, checking: Checking) -> Problems {
    let mut problems = Problems::new();
    if checking == Checking::Send && text.category.is_none() {
        problems.push(("category", "idea-error-category"));
    }
    for part in Part::ALL {
        let chars = text.part(part).chars().count();
        if chars > part.max_chars() {
            problems.push((part.field(), part.long_key()));
        } else if checking == Checking::Send && chars == 0 {
            problems.push((part.field(), part.missing_key()));
        } else if checking == Checking::Send && chars < part.min_chars() {
            problems.push((part.field(), part.short_key()));
        }
        if part == Part::Voices && text.heard_link.as_deref().is_some_and(|link| !is_link(link)) {
            problems.push(("heard-link", "idea-error-link"));
        }
    }
    if text.money_ore > cap_ore {
        problems.push(("money", "idea-error-money-cap"));
    }
    problems
}

/// A link a page may show: a path on this site or an http(s) address, without spaces.
pub fn is_link(text: &str) -> bool {
    let ok_start = (text.starts_with('/') && !text.starts_with("//"))
        || text.starts_with("https://")
        || text.starts_with("http://");
    ok_start && text.len() <= 500 && !text.chars().any(char::is_whitespace)
}

/// Whole kronor as written ("1 500", "1500 kr", blank for none) in öre.
pub fn parse_kronor(text: &str) -> Option<i64> {
    let digits: String = text
        .trim()
        .trim_end_matches("kr")
        .trim_end_matches(':')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if digits.is_empty() {
        return Some(0);
    }
    if digits.len() > 10 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse::<i64>().ok()?.checked_mul(100)
}

/// Öre as whole kronor with a thin space between thousands ("12 500 kr" without the unit).
pub fn kronor(ore: i64) -> String {
    let whole = (ore / 100).to_string();
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

/// Where a period (proposals or the vote) is on a Stockholm date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    NotYet,
    Open,
    Closed,
}

/// A period of whole Stockholm days, both ends included.
pub fn phase(today: NaiveDate, opens_on: NaiveDate, closes_on: NaiveDate) -> Phase {
    if today < opens_on {
        Phase::NotYet
    } else if today > closes_on {
        Phase::Closed
    } else {
        Phase::Open
    }
}

/// Why a ballot is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BallotProblem {
    /// Nothing chosen.
    Empty,
    /// More than the campaign's votes per person.
    TooMany,
    /// A proposal that is not on the shortlist (or chosen twice).
    NotOnShortlist,
}

impl BallotProblem {
    pub fn key(self) -> &'static str {
        match self {
            BallotProblem::Empty => "idea-vote-error-empty",
            BallotProblem::TooMany => "idea-vote-error-too-many",
            BallotProblem::NotOnShortlist => "idea-vote-error-unknown",
        }
    }
}

/// The proposals a ballot votes for: at least one, at most `per_person`, each once and each on
/// the shortlist.
pub fn ballot<T: PartialEq + Copy>(
    chosen: &[T],
    shortlist: &[T],
    per_person: usize,
) -> Result<Vec<T>, BallotProblem> {
    if chosen.is_empty() {
        return Err(BallotProblem::Empty);
    }
    if chosen.len() > per_person {
        return Err(BallotProblem::TooMany);
    }
    for (i, c) in chosen.iter().enumerate() {
        if !shortlist.contains(c) || chosen[..i].contains(c) {
            return Err(BallotProblem::NotOnShortlist);
        }
    }
    Ok(chosen.to_vec())
}

/// What happens after a test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    Stop,
    TestAgain,
    ScaleUp,
    HandOver,
}

impl NextStep {
    pub const ALL: [NextStep; 4] =
        [NextStep::Stop, NextStep::TestAgain, NextStep::ScaleUp, NextStep::HandOver];

    pub fn as_str(self) -> &'static str {
        match self {
            NextStep::Stop => "stop",
            NextStep::TestAgain => "test_again",
            NextStep::ScaleUp => "scale_up",
            NextStep::HandOver => "hand_over",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            NextStep::Stop => "idea-next-stop",
            NextStep::TestAgain => "idea-next-test-again",
            NextStep::ScaleUp => "idea-next-scale-up",
            NextStep::HandOver => "idea-next-hand-over",
        }
    }
}

/// A test's lessons, as the closing form has them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lessons {
    pub what_happened: String,
    pub what_surprised: String,
    pub next_step: Option<NextStep>,
    pub next_owner: String,
}

/// A test closes only with every lesson written and a named owner for what happens next.
pub fn check_lessons(lessons: &Lessons) -> Problems {
    let mut problems = Problems::new();
    let parts = [
        ("happened", &lessons.what_happened, "idea-error-happened"),
        ("surprised", &lessons.what_surprised, "idea-error-surprised"),
    ];
    for (field, text, key) in parts {
        if text.trim().chars().count() < 20 {
            problems.push((field, key));
        } else if text.chars().count() > MAX_TEXT_CHARS {
            problems.push((field, "idea-error-text-long"));
        }
    }
    if lessons.next_step.is_none() {
        problems.push(("next-step", "idea-error-next-step"));
    }
    let owner = lessons.next_owner.trim().chars().count();
    if !(2..=MAX_NAME_CHARS).contains(&owner) {
        problems.push(("next-owner", "idea-error-next-owner"));
    }
    problems
}

/// A campaign's address: lower-case letters, digits and hyphens from its title.
pub fn slug_of(title: &str) -> String {
    let mut slug = String::new();
    for c in title.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if c != '-' || !slug.ends_with('-') {
            slug.push(c);
        }
    }
    let slug = slug.trim_matches('-').chars().take(60).collect::<String>();
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod unit_tests {
    use super::*;

    fn rich() -> ProposalText {
        ProposalText {
            category: Some(Category::Test),
            title: "Kortare utredningar".into(),
            problem:
                "Brukare berättar samma sak för flera handläggare, om och om igen, och utredningarna tar \
                      månader."
                    .into(),
            whose: "Familjer som utreds av barn och familj".into(),
            voices: "I intervjuer sa föräldrar att de tröttnar på att upprepa sin historia för nya personer."
                .into(),
            heard_link: Some("/kalender/utvecklingsgrupp/1".into()),
            try_in_week:
                "En vecka: en handläggare och en familj gör utredningen i tre samtal med ett gemensamt \
                          underlag."
                    .into(),
            signs: "Familjen säger att de inte behövde upprepa sig; utredningen blir klar på en vecka."
                .into(),
            people: "Två handläggare och en familj".into(),
            money_ore: 150_000,
        }
    }

    #[test]
    fn a_rich_proposal_passes() {
        assert_eq!(check_proposal(&rich(), 500_000, Checking::Send), Problems::new());
    }

    #[test]
    fn every_thin_part_is_named() {
        let thin =
            ProposalText {
                title: "Bättre".into(), problem: "Det är krångligt".into(), ..Default::default()
            };
        let problems = check_proposal(&thin, 500_000, Checking::Send);
        assert_eq!(
            problems,
            vec![
                ("category", "idea-error-category"),
                ("title", "idea-error-title-short"),
                ("problem", "idea-error-problem-short"),
                ("whose", "idea-error-whose-missing"),
                ("voices", "idea-error-voices-missing"),
                ("try", "idea-error-try-missing"),
                ("signs", "idea-error-signs-missing"),
                ("people", "idea-error-people-missing"),
            ]
        );
    }

    #[test]
    fn a_draft_may_be_thin_but_not_too_long_or_over_the_cap() {
        let thin = ProposalText { title: "B".into(), ..Default::default() };
        assert!(check_proposal(&thin, 0, Checking::Draft).is_empty());
        let mut long = rich();
        long.voices = "x".repeat(MAX_TEXT_CHARS + 1);
        long.money_ore = 600_000;
        assert_eq!(
            check_proposal(&long, 500_000, Checking::Draft),
            vec![("voices", "idea-error-text-long"), ("money", "idea-error-money-cap")]
        );
    }

    #[test]
    fn the_heard_link_is_a_link() {
        for bad in ["javascript:alert(1)", "//evil.example", "https://a b", "intervju"] {
            let mut text = rich();
            text.heard_link = Some(bad.into());
            assert_eq!(
                check_proposal(&text, 500_000, Checking::Send),
                vec![("heard-link", "idea-error-link")]
            );
        }
        assert!(is_link("https://example.se/intervju"));
    }

    #[test]
    fn kronor_are_read_and_written_in_ore() {
        assert_eq!(parse_kronor(""), Some(0));
        assert_eq!(parse_kronor("1 500 kr"), Some(150_000));
        assert_eq!(parse_kronor("2000"), Some(200_000));
        assert_eq!(parse_kronor("-5"), None);
        assert_eq!(parse_kronor("12,50"), None);
        assert_eq!(parse_kronor("99999999999"), None);
        assert_eq!(kronor(1_250_000), "12\u{a0}500");
        assert_eq!(kronor(50_000), "500");
    }

    #[test]
    fn periods_include_both_days() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        assert_eq!(phase(d(1), d(2), d(4)), Phase::NotYet);
        assert_eq!(phase(d(2), d(2), d(4)), Phase::Open);
        assert_eq!(phase(d(4), d(2), d(4)), Phase::Open);
        assert_eq!(phase(d(5), d(2), d(4)), Phase::Closed);
    }

    #[test]
    fn a_ballot_chooses_from_the_shortlist_up_to_the_votes_per_person() {
        let shortlist = [1, 2, 3];
        assert_eq!(ballot(&[2], &shortlist, 1), Ok(vec![2]));
        assert_eq!(ballot(&[1, 3], &shortlist, 2), Ok(vec![1, 3]));
        assert_eq!(ballot::<i32>(&[], &shortlist, 1), Err(BallotProblem::Empty));
        assert_eq!(ballot(&[1, 2], &shortlist, 1), Err(BallotProblem::TooMany));
        assert_eq!(ballot(&[4], &shortlist, 1), Err(BallotProblem::NotOnShortlist));
        assert_eq!(ballot(&[1, 1], &shortlist, 2), Err(BallotProblem::NotOnShortlist), "twice for one");
    }

    #[test]
    fn a_test_closes_only_with_its_lessons_and_an_owner() {
        let empty = check_lessons(&Lessons::default());
        let fields: Vec<_> = empty.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["happened", "surprised", "next-step", "next-owner"]);
        let full = Lessons {
            what_happened: "Vi gjorde tre samtal med en familj.".into(),
            what_surprised: "Familjen ville hellre ses hemma.".into(),
            next_step: Some(NextStep::ScaleUp),
            next_owner: "Enhetschef Barn och familj".into(),
        };
        assert!(check_lessons(&full).is_empty());
    }

    #[test]
    fn slugs_are_plain() {
        assert_eq!(slug_of("Idéslussens Bootcamp – hösten 2026!"), "ideslussens-bootcamp-hosten-2026");
        assert_eq!(Category::parse("scale_up"), Some(Category::ScaleUp));
        assert_eq!(NextStep::parse("hand_over"), Some(NextStep::HandOver));
        assert_eq!(Status::parse("declined"), Some(Status::Declined));
    }
}
