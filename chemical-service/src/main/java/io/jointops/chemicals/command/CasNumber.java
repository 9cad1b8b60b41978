package io.jointops.chemicals.command;

import java.util.regex.Pattern;

/** CAS registry numbers: up to ten digits in three groups, the last a check digit, e.g. {@code 108-24-7}. */
final class CasNumber {

    static final String PATTERN = "^[1-9]\\d{1,6}-\\d{2}-\\d$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private CasNumber() {
    }

    /** Whether {@code value} is well formed and its check digit matches (CAS: weighted sum of the digits, mod 10). */
    static boolean isValid(String value) {
        if (value == null || !COMPILED.matcher(value).matches()) {
            return false;
        }
        String digits = value.replace("-", "");
        int check = digits.charAt(digits.length() - 1) - '0';
        int sum = 0;
        for (int i = digits.length() - 2, weight = 1; i >= 0; i--, weight++) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return sum % 10 == check;
    }
}
