//! The importer's limits. An article past one is refused as a whole (the report says which
//! limit and by how much, and `import`/`regen` write nothing), so that no input, however
//! crafted, makes an import slow or large. Each is far above what a real Docs article needs:
//! the five seed articles are at most 159 KB, 98 table rows, 19 headings and 3.8 KB per line.

/// Largest article, in bytes (about 6× the largest seed).
pub const MAX_ARTICLE_BYTES: usize = 1 << 20;
/// Most headings in one article (the seeds have at most 19).
pub const MAX_SECTIONS: usize = 2_000;
/// Most rows (table rows, heading-style rows and guide sections) in one article (the seeds have
/// at most 98).
pub const MAX_ROWS: usize = 2_000;
/// Longest table cell, in characters (the longest seed line is 3,754 bytes).
pub const MAX_CELL_CHARS: usize = 16_384;
/// Most rows one article may give one entry: two is the most a real article has (the two
/// 6329 rows); more would only repeat text. Rows past it are reported as unplaced.
pub const MAX_ROWS_PER_ENTRY: usize = 8;

/// A limit an article exceeds: which, the figure, and the limit.
pub(super) fn exceeded(what: &str, got: usize, max: usize) -> String {
    format!("the article has {got} {what}; the importer takes at most {max} (see catalog/README.md, \"Limits\")")
}
