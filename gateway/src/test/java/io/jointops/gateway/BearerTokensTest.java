package io.jointops.gateway;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

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
    void agreesWithSpringSecuritysConverter(String authorization) {
        assertThat(outcome(new BearerTokens(), authorization))
                .isEqualTo(outcome(new ServerBearerTokenAuthenticationConverter(), authorization));
    }

    private static String outcome(ServerAuthenticationConverter converter, String authorization) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/cases").header("Authorization", authorization));
        try {
            return converter.convert(exchange)
                    .map(authentication -> "token " + ((BearerTokenAuthenticationToken) authentication).getToken())
                    .defaultIfEmpty("none")
                    .block();
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
