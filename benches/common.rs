//! Small timing helpers shared by the benches (no benchmark framework: the
//! figures are printed next to their targets). Each bench uses a part.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// Runs `f` `runs` times after one warm-up and returns the sorted durations.
pub fn time_runs(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    f();
    let mut out: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    out.sort();
    out
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn report(name: &str, sorted: &[Duration], target_ms: f64) {
    let median = ms(percentile(sorted, 0.5));
    let verdict = if median <= target_ms {
        "OK"
    } else {
        "AU-DESSUS DE LA CIBLE"
    };
    println!(
        "{name:<40} médiane {median:>8.2} ms   p99 {:>8.2} ms   cible ≤ {target_ms} ms   {verdict}",
        ms(percentile(sorted, 0.99))
    );
}
