//! The bookkeeping of `cargo xtask test`: which steps failed, how many tests passed
//! and failed, and the closing `summary: N passed, N failed` line that CI reads.
//!
//! A step that fails without a libtest failure to show for it (rustfmt, clippy, a
//! build, a test binary that does not compile) counts as one failed test, so the
//! summary never says `0 failed` for a run that failed.

use std::{process::Command, time::Instant};

use anyhow::{bail, Result};

use crate::shell;

/// Test counts summed over every test run of a task.
#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
}

impl Tally {
    /// Adds the counts of a libtest closing line (`test result: ok. 3 passed; 0 failed; …`).
    fn add_line(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in rest.split(';') {
            let mut words = part.split_whitespace().rev();
            let (Some(label), Some(count)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(count) = count.parse::<u64>() else {
                continue;
            };
            match label {
                "passed" => self.passed += count,
                "failed" => self.failed += count,
                _ => {}
            }
        }
    }
}

/// The steps of one `cargo xtask test` run.
#[derive(Default)]
pub struct TestRun {
    tally: Tally,
    failed_steps: Vec<String>,
}

impl TestRun {
    /// Runs a test command, echoing its stdout and counting its libtest results.
    /// Returns whether it passed; a failure is recorded, not returned.
    pub fn command(&mut self, name: &str, cmd: &mut Command) -> bool {
        let tally = &mut self.tally;
        let failed_before = tally.failed;
        let outcome = timed(name, || {
            shell::run_lines(cmd, |line| {
                println!("{line}");
                tally.add_line(line);
            })
        });
        let reported = self.tally.failed > failed_before;
        self.record(name, outcome, reported).is_some()
    }

    /// Runs a step that is not a test command (a build, a budget check); its error
    /// is recorded as one failure.
    pub fn task<T>(&mut self, name: &str, task: impl FnOnce() -> Result<T>) -> Option<T> {
        let outcome = timed(name, task);
        self.record(name, outcome, false)
    }

    fn record<T>(&mut self, name: &str, outcome: Result<T>, reported: bool) -> Option<T> {
        match outcome {
            Ok(value) => Some(value),
            Err(err) => {
                eprintln!("xtask test: {name} FAILED: {err:#}");
                if !reported {
                    self.tally.failed += 1;
                }
                self.failed_steps.push(name.to_string());
                None
            }
        }
    }

    /// Prints the closing summary line (always) and fails if any step failed.
    pub fn finish(self) -> Result<()> {
        println!(
            "summary: {} passed, {} failed",
            self.tally.passed, self.tally.failed
        );
        if !self.failed_steps.is_empty() {
            bail!("failed: {}", self.failed_steps.join(", "));
        }
        Ok(())
    }
}

fn timed<T>(name: &str, step: impl FnOnce() -> Result<T>) -> Result<T> {
    let started = Instant::now();
    eprintln!("\nxtask test: {name}");
    let outcome = step();
    if outcome.is_ok() {
        eprintln!(
            "xtask test: {name} ok ({:.1}s)",
            started.elapsed().as_secs_f64()
        );
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_sums_libtest_closing_lines_only() {
        let mut tally = Tally::default();
        for line in [
            "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.1s",
            "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 filtered out; finished in 0.05s",
            "test parses_dates ... ok",
            "running 5 tests",
        ] {
            tally.add_line(line);
        }
        assert_eq!(
            tally,
            Tally {
                passed: 15,
                failed: 2
            }
        );
    }

    #[test]
    fn failures_are_counted_and_the_run_fails() {
        let mut run = TestRun::default();
        let test_failures = "echo 'test result: FAILED. 4 passed; 2 failed; 0 ignored'; exit 101";
        assert!(!run.command("libtest", Command::new("sh").args(["-c", test_failures])));
        assert!(run.command(
            "passing",
            Command::new("sh").args(["-c", "echo 'test result: ok. 3 passed; 0 failed'"])
        ));
        // A failing step with no libtest line (clippy, a build) counts as one failure.
        assert!(!run.command("lint", Command::new("sh").args(["-c", "exit 1"])));
        assert_eq!(
            run.task("budget", || -> Result<()> { bail!("over budget") }),
            None
        );
        assert_eq!(run.task("build", || Ok(7)), Some(7));
        assert_eq!(
            run.tally,
            Tally {
                passed: 7,
                failed: 4
            }
        );
        let err = run.finish().unwrap_err().to_string();
        assert_eq!(err, "failed: libtest, lint, budget");
    }
}
