//! Decimal numbers written in digits ("15", "1.3", "2500", "1200.50"), to `f64` without core's float
//! parser: `str::parse::<f64>` links its Eisel-Lemire tables (10 KB of powers of five) and slow-path
//! code into the wasm, about 8 KB gzipped, for numbers the rules read from prose.
//!
//! Up to 15 significant digits (every number an article writes in practice) the result is exactly what
//! `str::parse` gives: the digits form an integer below 2^53 and the power of ten is at most 10^22, both
//! exact in an `f64`, so one multiplication or division rounds correctly (Clinger's fast path, which
//! core takes too). Longer numbers are read digit by digit and may differ from it in the last bit.

/// 10^0 to 10^22, each exact in an `f64`.
const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// The value of `text`: ASCII digits with at most one `.` that has a digit on each side; None otherwise.
pub(crate) fn parse_decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !is_digits(whole) || fraction.is_some_and(|f| !is_digits(f)) {
        return None;
    }
    let fraction = fraction.unwrap_or("").trim_end_matches('0');
    let digits = whole.trim_start_matches('0').bytes().chain(fraction.bytes());
    // The significant digits as an integer, and the power of ten that scales it: value = m × 10^exp.
    let whole_zeros = if fraction.is_empty() { whole.len() - whole.trim_end_matches('0').len() } else { 0 };
    let significant: Vec<u8> = digits.collect();
    let significant = &significant[..significant.len() - whole_zeros.min(significant.len())];
    let significant = &significant[significant.iter().take_while(|&&d| d == b'0').count()..];
    let exp = whole_zeros as i32 - fraction.len() as i32;
    if significant.len() <= 15 {
        let m = significant.iter().fold(0u64, |m, &d| m * 10 + u64::from(d - b'0')) as f64;
        if (0..=22).contains(&exp) {
            return Some(m * POWERS[exp as usize]);
        }
        if (-22..0).contains(&exp) {
            return Some(m / POWERS[(-exp) as usize]);
        }
    }
    // Beyond the fast path: accumulate, then scale.
    let m = significant.iter().fold(0f64, |m, &d| m * 10.0 + f64::from(d - b'0'));
    Some(if exp >= 0 { m * 10f64.powi(exp) } else { m / 10f64.powi(-exp) })
}

#[cfg(test)]
mod tests {
    use super::parse_decimal;

    #[test]
    fn matches_core_parse_up_to_fifteen_significant_digits() {
        let mut cases: Vec<String> = ["0", "00", "0.0", "1", "15", "1.3", "2500", "1200.50", "0.1", "0.30", "007", "3.14159",
            "100000000000000000000", "999999999999999", "123456789012345", "0.000000000000000000001", "4.35", "99.99",
            "1000000", "2024", "12.000", "0.5"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // A deterministic spread of digit strings and decimal points.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = 1 + (seed % 15) as usize;
            let mut s: String = (0..len).map(|i| char::from(b'0' + ((seed >> (i * 4)) % 10) as u8)).collect();
            let dot = (seed >> 60) as usize;
            if dot > 0 && dot < s.len() {
                s.insert(dot, '.');
            }
            cases.push(s);
        }
        for case in &cases {
            assert_eq!(parse_decimal(case), Some(case.parse::<f64>().unwrap()), "{case}");
        }
    }

    #[test]
    fn longer_numbers_are_close_and_junk_is_refused() {
        for case in ["12345678901234567890", "1234567890.1234567890", "0.12345678901234567890123"] {
            let (ours, core) = (parse_decimal(case).unwrap(), case.parse::<f64>().unwrap());
            assert!((ours - core).abs() <= core.abs() * 1e-15, "{case}: {ours} vs {core}");
        }
        // number_at gives only digits with at most one "." between digits; anything else is refused.
        for junk in ["", ".", "1.", ".5", "1.2.3", "1e5", "-1", "+1", "1,000", " 1", "١٢"] {
            assert_eq!(parse_decimal(junk), None, "{junk:?}");
        }
    }
}
