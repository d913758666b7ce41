//! The leisure bank (*fritidsbanken*): sports and leisure items lent free of charge like a library
//! from several lending places (directory entries), and kept going by participants' work
//! (sorting, washing, repairing). The rules here are pure: an item's life and its allowed moves,
//! and a loan's dates and renewal. Storage is in `store`, pages in `public`, `resident`, `staff`.

pub mod access;
pub mod label;
pub mod offers;
pub mod photos;
pub mod public;
pub mod reminders;
pub mod resident;
pub mod staff;
pub mod statistics;
pub mod store;
pub mod work;

use chrono::{DateTime, Days, NaiveDate, Utc};
use rand::Rng;

/// Where an item is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Donated,
    Sorting,
    Washing,
    Repair,
    Available,
    Lent,
    Returned,
    Retired,
}

impl Step {
    pub const ALL: [Step; 8] = [
        Step::Donated,
        Step::Sorting,
        Step::Washing,
        Step::Repair,
        Step::Available,
        Step::Lent,
        Step::Returned,
        Step::Retired,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Step::Donated => "donated",
            Step::Sorting => "sorting",
            Step::Washing => "washing",
            Step::Repair => "repair",
            Step::Available => "available",
            Step::Lent => "lent",
            Step::Returned => "returned",
            Step::Retired => "retired",
        }
    }

    pub fn parse(code: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The catalogue key of the step's name (`leisure-step-washing`).
    pub fn label_key(self) -> &'static str {
        match self {
            Step::Donated => "leisure-step-donated",
            Step::Sorting => "leisure-step-sorting",
            Step::Washing => "leisure-step-washing",
            Step::Repair => "leisure-step-repair",
            Step::Available => "leisure-step-available",
            Step::Lent => "leisure-step-lent",
            Step::Returned => "leisure-step-returned",
            Step::Retired => "leisure-step-retired",
        }
    }

    /// The steps an item may move to from this one. Lending and returning are moves too, but
    /// only a loan makes them (see [`Step::by_hand`]); a retired item stays retired.
    pub fn moves(self) -> &'static [Step] {
        use Step::*;
        match self {
            Donated => &[Sorting, Retired],
            Sorting => &[Washing, Repair, Available, Retired],
            Washing => &[Repair, Available, Retired],
            Repair => &[Washing, Available, Retired],
            Available => &[Lent, Sorting, Retired],
            Lent => &[Returned],
            Returned => &[Sorting, Washing, Repair, Available, Retired],
            Retired => &[],
        }
    }

    pub fn may_move_to(self, to: Step) -> bool {
        self.moves().contains(&to)
    }

    /// The moves staff or a participant make by hand ("next step"): all but lending and
    /// returning, which belong to a loan.
    pub fn by_hand(self) -> impl Iterator<Item = Step> {
        self.moves().iter().copied().filter(|s| !matches!(s, Step::Lent | Step::Returned))
    }

    /// The work a participant does on an item at this step, if any (the task board's columns).
    pub fn task(self) -> Option<Task> {
        match self {
            Step::Donated => Some(Task::Deliver),
            Step::Sorting | Step::Returned => Some(Task::Sort),
            Step::Washing => Some(Task::Wash),
            Step::Repair => Some(Task::Repair),
            Step::Available | Step::Lent | Step::Retired => None,
        }
    }
}

/// A kind of work on the task board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Task {
    Sort,
    Wash,
    Repair,
    Store,
    Deliver,
}

impl Task {
    pub const ALL: [Task; 5] = [Task::Sort, Task::Wash, Task::Repair, Task::Store, Task::Deliver];

    pub fn code(self) -> &'static str {
        match self {
            Task::Sort => "sort",
            Task::Wash => "wash",
            Task::Repair => "repair",
            Task::Store => "store",
            Task::Deliver => "deliver",
        }
    }

    pub fn parse(code: &str) -> Option<Task> {
        Task::ALL.into_iter().find(|t| t.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Task::Sort => "leisure-task-sort",
            Task::Wash => "leisure-task-wash",
            Task::Repair => "leisure-task-repair",
            Task::Store => "leisure-task-store",
            Task::Deliver => "leisure-task-deliver",
        }
    }
}

/// The categories items are sorted in (also the statistics' rows).
pub const CATEGORIES: [&str; 7] = ["ball", "winter", "cycling", "outdoor", "water", "fitness", "games"];

/// The catalogue key of a category's name (`leisure-category-winter`).
pub fn category_key(category: &str) -> String {
    format!("leisure-category-{category}")
}

/// An item's condition, as sorted.
pub const CONDITIONS: [&str; 3] = ["good", "worn", "damaged"];

/// How long a reservation waits to be picked up, and how long a loan lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoanRules {
    pub pickup_days: u64,
    pub loan_days: u64,
    /// How many days before the due date the reminder goes out.
    pub remind_days_before: u64,
}

/// The Fritidsbanken network's practice: pick up within three days, keep it two weeks.
pub const RULES: LoanRules = LoanRules { pickup_days: 3, loan_days: 14, remind_days_before: 2 };

impl LoanRules {
    /// The last instant a reservation made at `now` can be picked up.
    pub fn pickup_by(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now + chrono::Duration::days(self.pickup_days as i64)
    }

    /// The due date of a loan handed over (or renewed) on `day` (a Stockholm date).
    pub fn due_on(&self, day: NaiveDate) -> NaiveDate {
        day.checked_add_days(Days::new(self.loan_days)).unwrap_or(NaiveDate::MAX)
    }

    /// Whether the reminder before the due date is due on `today`.
    pub fn remind_before(&self, due_on: NaiveDate, today: NaiveDate) -> bool {
        today < due_on
            && due_on.checked_sub_days(Days::new(self.remind_days_before)).is_some_and(|d| d <= today)
    }
}

/// Why a loan cannot be renewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenewRefusal {
    NotLent,
    AlreadyRenewed,
    SomeoneWaits,
}

impl RenewRefusal {
    pub fn message_key(self) -> &'static str {
        match self {
            RenewRefusal::NotLent => "leisure-renew-not-lent",
            RenewRefusal::AlreadyRenewed => "leisure-renew-once",
            RenewRefusal::SomeoneWaits => "leisure-renew-waiting",
        }
    }
}

/// One renewal, and only while nobody waits for this kind of item.
pub fn may_renew(lent: bool, renewals: i32, waiting: bool) -> Result<(), RenewRefusal> {
    if !lent {
        Err(RenewRefusal::NotLent)
    } else if renewals >= 1 {
        Err(RenewRefusal::AlreadyRenewed)
    } else if waiting {
        Err(RenewRefusal::SomeoneWaits)
    } else {
        Ok(())
    }
}

/// A new label code: 24 characters from an alphabet without look-alikes (no 0/O, 1/l/I), about
/// 120 bits, so a code cannot be guessed and is easy to type from a worn label.
pub fn new_code() -> String {
    const ALPHABET: &[u8] = b"23456789abcdefghijkmnpqrstuvwxyz";
    let mut rng = rand::rng();
    (0..24).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect()
}

/// A typed code as stored: lower case, without spaces or dashes people add when typing.
pub fn normalise_code(typed: &str) -> Option<String> {
    let code: String =
        typed.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_lowercase()).collect();
    (code.len() == 24 && code.chars().all(|c| c.is_ascii_alphanumeric())).then_some(code)
}

/// How many reservations and waitlist places one person may hold at once: enough for a family's
/// weekend, few enough that nobody empties a lending place or blocks every queue.
pub const MAX_OPEN_PER_PERSON: i64 = 3;

/// Whether someone holding `open` reservations and waitlist places may take one more.
pub fn may_take_another(open: i64) -> bool {
    open < MAX_OPEN_PER_PERSON
}

/// How long after its due date a desk loan that never came back is written off as lost. Its
/// borrower's name and phone are then deleted (as at a return): three months is long enough for
/// the desk to call about it, and nothing of them is kept longer than the chase needs.
pub const DESK_CONTACT_RETENTION_DAYS: u64 = 90;

/// The last due date of a desk loan still kept on `today`; loans due before it are written off.
pub fn write_off_before(today: NaiveDate) -> NaiveDate {
    today.checked_sub_days(Days::new(DESK_CONTACT_RETENTION_DAYS)).unwrap_or(NaiveDate::MIN)
}

/// The longest name or phone number a desk borrower leaves, and a participant's note.
pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_PHONE_CHARS: usize = 30;
pub const MAX_NOTE_CHARS: usize = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn an_item_goes_through_its_life_in_the_allowed_order() {
        use Step::*;
        let life = [Donated, Sorting, Washing, Repair, Available, Lent, Returned, Washing, Available];
        for pair in life.windows(2) {
            assert!(pair[0].may_move_to(pair[1]), "{:?} → {:?}", pair[0], pair[1]);
        }
        assert!(!Donated.may_move_to(Available), "a donation is sorted first");
        assert!(!Washing.may_move_to(Lent), "only an available item is lent");
        assert!(!Lent.may_move_to(Available), "a lent item comes back through a return");
        assert!(Retired.moves().is_empty(), "retired is the end");
        for step in Step::ALL {
            assert!(!step.may_move_to(step), "{step:?} does not move to itself");
            assert_eq!(Step::parse(step.code()), Some(step));
        }
    }

    #[test]
    fn lending_and_returning_are_never_moves_by_hand() {
        for step in Step::ALL {
            assert!(step.by_hand().all(|s| s != Step::Lent && s != Step::Returned), "{step:?}");
        }
        assert_eq!(Step::Lent.by_hand().count(), 0);
        assert_eq!(Step::Available.by_hand().collect::<Vec<_>>(), vec![Step::Sorting, Step::Retired]);
    }

    #[test]
    fn a_loan_is_due_after_two_weeks_and_reminded_two_days_before() {
        assert_eq!(RULES.due_on(date("2026-12-06")), date("2026-12-20"));
        assert!(!RULES.remind_before(date("2026-12-20"), date("2026-12-17")));
        assert!(RULES.remind_before(date("2026-12-20"), date("2026-12-18")));
        assert!(RULES.remind_before(date("2026-12-20"), date("2026-12-19")));
        assert!(
            !RULES.remind_before(date("2026-12-20"), date("2026-12-20")),
            "on the day it is due, not before"
        );
        let now = Utc::now();
        assert_eq!(RULES.pickup_by(now) - now, chrono::Duration::days(3));
    }

    #[test]
    fn a_loan_is_renewed_once_and_only_while_nobody_waits() {
        assert_eq!(may_renew(true, 0, false), Ok(()));
        assert_eq!(may_renew(true, 1, false), Err(RenewRefusal::AlreadyRenewed));
        assert_eq!(may_renew(true, 0, true), Err(RenewRefusal::SomeoneWaits));
        assert_eq!(may_renew(false, 0, false), Err(RenewRefusal::NotLent));
    }

    #[test]
    fn codes_are_long_random_and_typed_back_in_any_case() {
        let (a, b) = (new_code(), new_code());
        assert_ne!(a, b);
        assert_eq!(a.len(), 24);
        assert_eq!(normalise_code(&a.to_uppercase()), Some(a.clone()));
        let spaced = format!("{} {}-{}", &a[..8], &a[8..16], &a[16..]);
        assert_eq!(normalise_code(&spaced), Some(a));
        assert_eq!(normalise_code("1234"), None);
        assert_eq!(normalise_code("<script>alert(1)</script>aaaa"), None);
    }

    #[test]
    fn one_person_holds_at_most_three_reservations_and_queue_places() {
        assert!(may_take_another(0) && may_take_another(2));
        assert!(!may_take_another(3) && !may_take_another(4));
    }

    #[test]
    fn a_desk_loan_is_written_off_ninety_days_after_its_due_date() {
        assert_eq!(write_off_before(date("2026-12-06")), date("2026-09-07"));
        assert!(date("2026-09-06") < write_off_before(date("2026-12-06")), "due 91 days ago: written off");
    }

    #[test]
    fn every_step_with_work_has_a_task() {
        assert_eq!(Step::Washing.task(), Some(Task::Wash));
        assert_eq!(Step::Available.task(), None);
        for task in Task::ALL {
            assert_eq!(Task::parse(task.code()), Some(task));
        }
    }
}
