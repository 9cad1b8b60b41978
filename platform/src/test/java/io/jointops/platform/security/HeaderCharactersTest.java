package io.jointops.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The loops allow exactly what Spring Security's strict firewall's regular expressions allow. */
class HeaderCharactersTest {

    @Test
    void agreeWithTheStrictFirewallOnEveryCharacter() {
        List<String> samples = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            samples.add("a" + (char) c + "b");
        }
        samples.addAll(List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "\uD83D\uDE00", "x\uD83Dy", "\t", "a\tb",
                "\u0085", "\u00A0", new String(Character.toChars(0x10FFFF)), new String(Character.toChars(0xE0001))));
        for (String sample : samples) {
            assertThat(HeaderCharacters.allowedName(sample)).as("name %s", sample.codePoints().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(sample));
            assertThat(HeaderCharacters.allowedValue(sample)).as("value %s", sample.codePoints().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(sample));
        }
    }
}
