//! Pure meeting types and rules. No Discord, no SQL, no async runtime in here:
//! everything is a plain function of its inputs so it can be tested directly.

pub mod agenda;
pub mod answer;
pub mod digest;
pub mod grouping;
pub mod ids;
pub mod kit;
pub mod lang;
pub mod meeting;
pub mod plan;
pub mod privacy;
pub mod schedule;
pub mod speaking;
pub mod summary;
pub mod table_plan;
pub mod text;

pub use answer::{AnswerError, AnswerValue, QuestionKind, ValueKey};
pub use ids::{ChannelId, GuildId, IdError, MeetingId, QuestionId, RoleName, UnitName, UserId};
pub use meeting::{Meeting, MeetingState, Phase, Question};
