package io.jointops.platform.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The loop takes and refuses exactly what Spring Security's regular expression does. */
class BearerTokensTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjbiJ9.c2lnbmF0dXJl",
            "bearer abc", "BEARER abc", "Bearer a-b.c_d~e+f/g==", "Bearer abc=", "Bearer ===", "Bearer a=b",
            "Bearer  abc", "Bearer abc ", "Bearer\tabc", "Bearer abc\n", "Bearer", "Bearer ", "Bearerabc",
            "Bearer ab\u00e9c", "Bearer ab%2Fc", "Bearer ab,c", "Bearer abc, Bearer def", "Basic dXNlcjpwdw==",
            "Bear abc", "", " Bearer abc", "Bearer \u0000"})
    void agreesWithSpringSecuritysResolver(String authorization) {
        assertThat(outcome(new BearerTokens(), authorization))
                .isEqualTo(outcome(new DefaultBearerTokenResolver(), authorization));
    }

    private static String outcome(BearerTokenResolver resolver, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", authorization);
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
