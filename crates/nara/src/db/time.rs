//! `UtcTime`: an instant stored as `timestamptz` in PostgreSQL and as fixed-width RFC 3339 text
//! (`2026-11-23T17:50:00.000000Z`) in SQLite, so that text comparisons there sort by time.
//! sqlx's own SQLite encoding varies the number of fraction digits, which breaks that order.

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgTypeInfo, PgValueRef, Postgres};
use sqlx::sqlite::{Sqlite, SqliteArgumentsBuffer, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Encode, Type};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct UtcTime(pub DateTime<Utc>);

impl UtcTime {
    pub fn now() -> Self {
        // Microseconds are what PostgreSQL keeps; trimming here makes both backends agree.
        let now = Utc::now();
        Self(now - chrono::Duration::nanoseconds(i64::from(now.timestamp_subsec_nanos() % 1000)))
    }

    /// The start of the minute this instant falls in.
    pub fn start_of_minute(self) -> Self {
        use chrono::{DurationRound, TimeDelta};
        Self(self.0.duration_trunc(TimeDelta::minutes(1)).unwrap_or(self.0))
    }

    fn to_sqlite_text(self) -> String {
        self.0.to_rfc3339_opts(SecondsFormat::Micros, true)
    }
}

impl From<DateTime<Utc>> for UtcTime {
    fn from(value: DateTime<Utc>) -> Self {
        Self(value)
    }
}

impl Type<Sqlite> for UtcTime {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }
}

impl Encode<'_, Sqlite> for UtcTime {
    fn encode_by_ref(&self, buf: &mut SqliteArgumentsBuffer) -> Result<IsNull, BoxDynError> {
        Encode::<Sqlite>::encode(self.to_sqlite_text(), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for UtcTime {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <&str as Decode<Sqlite>>::decode(value)?;
        Ok(Self(DateTime::parse_from_rfc3339(text)?.with_timezone(&Utc)))
    }
}

impl Type<Postgres> for UtcTime {
    fn type_info() -> PgTypeInfo {
        <DateTime<Utc> as Type<Postgres>>::type_info()
    }
}

impl Encode<'_, Postgres> for UtcTime {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        Encode::<Postgres>::encode_by_ref(&self.0, buf)
    }
}

impl<'r> Decode<'r, Postgres> for UtcTime {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(Self(<DateTime<Utc> as Decode<Postgres>>::decode(value)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn sqlite_text_has_one_width_so_it_sorts_by_time() {
        let whole = UtcTime(Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap());
        let later = UtcTime(whole.0 + chrono::Duration::microseconds(5));
        assert_eq!(whole.to_sqlite_text(), "2026-03-29T01:00:00.000000Z");
        assert_eq!(whole.to_sqlite_text().len(), later.to_sqlite_text().len());
        assert!(whole.to_sqlite_text() < later.to_sqlite_text());
    }

    #[test]
    fn now_is_whole_microseconds() {
        assert_eq!(UtcTime::now().0.timestamp_subsec_nanos() % 1000, 0);
    }
}
