//! Every bad field of one input, gathered, so a form can mark them all at once instead of one
//! per submission.

use super::{AppError, AppResult, FieldProblem, InputField, Reason};

/// The problems found so far in one command's fields. A field keeps its first problem.
#[derive(Debug, Default)]
pub struct FieldChecks {
    problems: Vec<FieldProblem>,
}

impl FieldChecks {
    pub fn new() -> Self {
        Self::default()
    }

    /// Notes `reason` against the command field `field`, unless that field already has one.
    pub fn refuse(&mut self, field: &str, reason: Reason) -> &mut Self {
        let field = InputField::Command(field.to_owned());
        if !self.problems.iter().any(|p| p.field == field) {
            self.problems.push(FieldProblem { field, reason });
        }
        self
    }

    /// Notes `reason` against `field` when `bad` holds.
    pub fn refuse_if(&mut self, bad: bool, field: &str, reason: Reason) -> &mut Self {
        if bad {
            self.refuse(field, reason);
        }
        self
    }

    /// Notes the problem a check found, if any.
    pub fn note(&mut self, field: &str, problem: Option<Reason>) -> &mut Self {
        if let Some(reason) = problem {
            self.refuse(field, reason);
        }
        self
    }

    /// Takes in the bad fields of a check that reports them as an error; any other error is
    /// returned at once.
    pub fn absorb(&mut self, result: AppResult<()>) -> AppResult<&mut Self> {
        self.take(result)?;
        Ok(self)
    }

    /// The value of a check that also computes one: `None` when it found bad fields (noted
    /// here); any other error is returned at once.
    pub fn take<T>(&mut self, result: AppResult<T>) -> AppResult<Option<T>> {
        match result {
            Ok(value) => Ok(Some(value)),
            Err(AppError::BadUserInput(problems)) => {
                for problem in problems {
                    if !self.problems.iter().any(|p| p.field == problem.field) {
                        self.problems.push(problem);
                    }
                }
                Ok(None)
            }
            Err(other) => Err(other),
        }
    }

    /// After [`finish`](Self::finish) passed, the values its checks computed: a missing one
    /// means a check passed without a value, which is a bug (`INTERNAL`), not bad input.
    pub fn passed<T>(value: Option<T>) -> AppResult<T> {
        value.ok_or_else(|| AppError::Internal("a value the input checks passed is missing".into()))
    }

    /// Whether `field` has a problem already (to skip checks that build on it).
    pub fn has(&self, field: &str) -> bool {
        self.problems.iter().any(|p| p.field == InputField::Command(field.to_owned()))
    }

    /// `BAD_USER_INPUT` with every problem, or `Ok` when there is none.
    pub fn finish(&mut self) -> AppResult<()> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(AppError::BadUserInput(std::mem::take(&mut self.problems)))
        }
    }
}

/// A required text of at most `max` characters: its problem, if any.
pub fn text_problem(value: &str, max: usize) -> Option<Reason> {
    if value.trim().is_empty() {
        Some(Reason::Required)
    } else if value.chars().count() > max {
        Some(Reason::TooLong { max })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_reported_once_with_its_first_problem() {
        let mut checks = FieldChecks::new();
        checks
            .refuse_if(true, "title", Reason::Required)
            .refuse_if(false, "facts", Reason::Required)
            .refuse("title", Reason::TooLong { max: 3 })
            .note("deadline", Some(Reason::NotAfterToday));
        let Err(AppError::BadUserInput(problems)) = checks.finish() else { panic!("expected bad input") };
        let fields: Vec<_> = problems.iter().map(|p| (&p.field, &p.reason)).collect();
        assert_eq!(
            fields,
            vec![
                (&InputField::Command("title".into()), &Reason::Required),
                (&InputField::Command("deadline".into()), &Reason::NotAfterToday)
            ]
        );
        assert_eq!(checks.finish(), Ok(()), "finishing takes the problems");
    }

    #[test]
    fn other_errors_pass_through() {
        let mut checks = FieldChecks::new();
        assert!(checks.absorb(Err(AppError::forbidden())).is_err());
        assert!(checks.absorb(Err(AppError::bad_input("a", Reason::Required))).is_ok());
        assert!(checks.has("a") && !checks.has("b"));
    }

    #[test]
    fn texts_are_required_and_bounded() {
        assert_eq!(text_problem("  ", 5), Some(Reason::Required));
        assert_eq!(text_problem("六个汉字六个", 5), Some(Reason::TooLong { max: 5 }));
        assert_eq!(text_problem("五个汉字五", 5), None);
    }
}
