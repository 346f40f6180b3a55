//! Placeholder; filled in below.
pub fn generate(_n_articles: usize, _seed: u64) -> String {
    String::new()
}
