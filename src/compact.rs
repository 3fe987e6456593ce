//! Size-saving building blocks, with no dependency on the rest of the crate.
//!
//! Each distinct hash-map or sort instantiation is its own copy of that code in the wasm
//! binary (kilobytes each), so the engine uses one text-keyed map type ([`WordMap`]), one
//! feature-keyed map ([`FeatureMap`]) and one small heapsort ([`sort_by_heap`]) everywhere.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hasher for the u32 feature keys (they are already well-mixed FNV hashes).
#[derive(Default, Clone, Copy)]
pub struct FeatureHasher(u64);

impl Hasher for FeatureHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Map keyed by features.
pub type FeatureMap<V> = HashMap<u32, V, BuildHasherDefault<FeatureHasher>>;

/// The one map keyed by text (aliases, word tables, caches). One key and value type for all of
/// them keeps the wasm small: each distinct map type is its own copy of the hash-table code.
pub type WordMap = HashMap<String, usize, BuildHasherDefault<FeatureHasher>>;

/// In-place heapsort by `less`: O(n log n), in a fraction of the std sorts' wasm (each element
/// type of a std sort adds a few kilobytes). Not stable: give `less` a total order (an index as
/// the last key) where equal elements must keep their order.
pub fn sort_by_heap<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let sift_down = |v: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[root], &v[child]) {
            return;
        }
        v.swap(root, child);
        root = child;
    };
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift_down(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heapsort_agrees_with_std() {
        let mut x: u32 = 12345;
        let mut next = move || {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            x >> 20
        };
        for n in [0usize, 1, 2, 3, 7, 100, 1001] {
            // Pairs with many equal keys: sorted by key, and with the index as a last key the
            // order is exactly the stable one.
            let v: Vec<(u32, usize)> = (0..n).map(|i| (next() % 13, i)).collect();
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            let mut total = v.clone();
            sort_by_heap(&mut total, |a, b| a < b);
            assert_eq!(total, want, "key then index, n = {n}");
            let mut heap = v.clone();
            sort_by_heap(&mut heap, |a, b| a.0 < b.0);
            let keys = |v: &[(u32, usize)]| v.iter().map(|p| p.0).collect::<Vec<_>>();
            assert_eq!(keys(&heap), keys(&want), "heap, n = {n}");
        }
    }
}
